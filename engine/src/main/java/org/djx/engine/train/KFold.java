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
     * Returns the k folds of a stratified split: every row is in exactly one validation part, and each class is
     * spread over the folds as evenly as its count allows, so every fold's class shares follow the whole set's.
     * Each class's rows are shuffled with {@code random}, then dealt to the folds in turn, the deal of each class
     * starting where the previous one stopped (so the folds also differ in size by at most one). Indices come
     * back in ascending order.
     *
     * @param classes each row's class index
     * @throws ConfigurationException if there are fewer rows than folds
     */
    public static Split[] stratified(int[] classes, int k, java.util.random.RandomGenerator random) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2, found " + k);
        }
        int rows = classes.length;
        if (rows < k) {
            throw new ConfigurationException(k + " folds need at least " + k + " rows, but the data has " + rows
                    + "; lower validation.folds");
        }
        int classCount = 0;
        for (int c : classes) {
            classCount = Math.max(classCount, c + 1);
        }
        int[] foldOf = new int[rows];
        int next = 0;
        for (int c = 0; c < classCount; c++) {
            int n = 0;
            for (int label : classes) {
                n += label == c ? 1 : 0;
            }
            int[] members = new int[n];
            for (int r = 0, i = 0; r < rows; r++) {
                if (classes[r] == c) {
                    members[i++] = r;
                }
            }
            org.djx.engine.random.RandomStreams.permute(members, random);
            for (int member : members) {
                foldOf[member] = next;
                next = (next + 1) % k;
            }
        }
        Split[] splits = new Split[k];
        for (int f = 0; f < k; f++) {
            int size = 0;
            for (int r = 0; r < rows; r++) {
                size += foldOf[r] == f ? 1 : 0;
            }
            int[] valid = new int[size];
            int[] train = new int[rows - size];
            for (int r = 0, v = 0, t = 0; r < rows; r++) {
                if (foldOf[r] == f) {
                    valid[v++] = r;
                } else {
                    train[t++] = r;
                }
            }
            splits[f] = new Split(train, valid);
        }
        return splits;
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
