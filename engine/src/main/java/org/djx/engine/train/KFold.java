package org.djx.engine.train;

import org.djx.api.ConfigurationException;

/**
 * D2L's k-fold split: fold i is the contiguous block of rows [i * n/k, (i+1) * n/k) with n/k rounded
 * down; the training rows are the other blocks in order, and rows past k * (n/k) are left out of every
 * fold, as D2L's get_k_fold_data leaves them.
 */
public final class KFold {
    /** The row indices of one fold's training and validation parts. */
    public record Split(int[] train, int[] valid) {
        public Split {
            train = train.clone();
            valid = valid.clone();
        }

        @Override
        public int[] train() {
            return train.clone();
        }

        @Override
        public int[] valid() {
            return valid.clone();
        }
    }

    private KFold() {
    }

    /**
     * Returns fold {@code fold} (from 0) of {@code k} over {@code rows} rows.
     *
     * @throws ConfigurationException if there are fewer rows than folds
     */
    public static Split split(int rows, int k, int fold) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2, found " + k);
        }
        if (rows < k) {
            throw new ConfigurationException(k + " folds need at least " + k + " rows, but the data has " + rows
                    + "; lower validation.folds");
        }
        if (fold < 0 || fold >= k) {
            throw new IllegalArgumentException("fold " + fold + " outside 0.." + (k - 1));
        }
        int size = rows / k;
        int[] valid = new int[size];
        int[] train = new int[size * (k - 1)];
        int t = 0;
        for (int j = 0; j < k; j++) {
            for (int r = j * size; r < (j + 1) * size; r++) {
                if (j == fold) {
                    valid[r - j * size] = r;
                } else {
                    train[t++] = r;
                }
            }
        }
        return new Split(train, valid);
    }
}
