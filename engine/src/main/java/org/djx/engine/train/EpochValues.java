package org.djx.engine.train;

import java.util.Arrays;

/**
 * One value per finished epoch, grown as epochs end: nothing is allocated in proportion to the epoch limit,
 * which may be far beyond the epochs a run takes (a tolerance or divergence stops it first).
 */
public final class EpochValues {
    private double[] values = new double[16];
    private int size;

    /** Records the value of the next epoch. */
    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Sets the value of epoch {@code epoch} (from 1), which is the next one or an earlier one. */
    public void set(int epoch, double value) {
        if (epoch == size + 1) {
            add(value);
        } else {
            values[epoch - 1] = value;
        }
    }

    /** Returns the number of epochs recorded. */
    public int size() {
        return size;
    }

    /** Returns a copy of the values, first epoch first. */
    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
