package org.djx.engine.weights;

import java.util.Comparator;
import java.util.List;

/**
 * Checks that the tensors tile the data buffer: every byte belongs to exactly one tensor, with no gap, no
 * overlap and nothing left over, as the reference implementation requires. Bytes no tensor claims could hide
 * anything, and overlapping tensors would alias each other's values.
 */
final class BufferLayout {
    /** By where the bytes begin, then end: empty tensors come before a tensor that starts at the same offset. */
    private static final Comparator<TensorEntry> DATA_ORDER =
            Comparator.<TensorEntry>comparingLong(e -> e.begin).thenComparingLong(e -> e.end);

    private BufferLayout() {
    }

    /**
     * Returns the entries in the order of their data (stable, so empty tensors at one offset keep their header
     * order), after checking that they cover the buffer exactly.
     */
    static List<TensorEntry> inDataOrder(List<TensorEntry> entries, long bufferLength, Refusal refusal) {
        List<TensorEntry> sorted = entries.stream().sorted(DATA_ORDER).toList();
        long covered = 0;
        TensorEntry previous = null;
        for (TensorEntry entry : sorted) {
            if (entry.begin < covered) {
                throw refusal.because(previous.describe() + " and " + entry.describe() + " overlap; each byte of the"
                        + " data buffer belongs to exactly one tensor");
            }
            if (entry.begin > covered) {
                throw refusal.because("bytes " + covered + " to " + entry.begin + " of the data buffer belong to no tensor"
                        + (previous == null ? "" : " (after " + previous.describe() + ")") + ", before " + entry.describe()
                        + "; tensors cover the data buffer without gaps");
            }
            covered = entry.end;
            previous = entry;
        }
        if (covered != bufferLength) {
            throw refusal.because("bytes " + covered + " to " + bufferLength + " of the data buffer belong to no tensor"
                    + (previous == null ? " (the header lists none)" : " (after " + previous.describe() + ")")
                    + "; the last tensor ends where the file does");
        }
        return sorted;
    }
}
