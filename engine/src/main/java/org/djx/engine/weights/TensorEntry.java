package org.djx.engine.weights;

/** One tensor's entry in a header, checked on its own: where its bytes lie in the data buffer and what they are. */
final class TensorEntry {
    final String name;
    final ElementType type;
    final int[] shape;
    final int size;
    final long begin;
    final long end;

    TensorEntry(String name, ElementType type, int[] shape, int size, long begin, long end) {
        this.name = name;
        this.type = type;
        this.shape = shape;
        this.size = size;
        this.begin = begin;
        this.end = end;
    }

    /** Says which tensor this is and where its bytes lie, for messages. */
    String describe() {
        return "tensor " + Refusal.quote(name) + " [" + begin + ", " + end + "]";
    }
}
