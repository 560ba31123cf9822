package org.djx.engine.plugin;

/** Says in words that the JVM ran out of heap or stack, and what to do about it. */
public final class Resources {
    private Resources() {
    }

    /**
     * Returns {@code ran out of memory (...)} or {@code overflowed the stack (...)} with the limit in force and
     * how to raise it.
     */
    public static String exhausted(VirtualMachineError e) {
        return exhausted(e, "");
    }

    /** Returns the same, saying where it happened, such as {@code in create}. */
    public static String exhausted(VirtualMachineError e, String where) {
        String place = where.isEmpty() ? "" : " " + where;
        if (e instanceof StackOverflowError) {
            return "overflowed the stack" + place + " (StackOverflowError): a recursion too deep for the thread's stack;"
                    + " give it more with DJX_JAVA_OPTS=-Xss16m";
        }
        long max = Runtime.getRuntime().maxMemory() >> 20;
        return "ran out of memory" + place + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage()) + "); the heap holds at most " + max + " MiB: make the model or the batch smaller, or give"
                + " the JVM more, such as DJX_JAVA_OPTS=-Xmx" + 2 * max + "m";
    }
}
