package org.djx.engine.shift;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.engine.fit.Fit;
import org.djx.engine.spec.ClassifierSpec;
import org.djx.engine.metric.Auc;
import org.djx.engine.model.Network;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.train.StopReason;
import org.djx.engine.train.TrainingResult;

/**
 * Covariate-shift detection by classification (D2L 4.9.3.1, "adversarial validation"): a logistic
 * regression learns to tell training rows (label 0) from test rows (label 1). Its cross-validated AUC
 * says how far apart the two input distributions are (0.5: it cannot tell them apart), and its logit h
 * estimates the log density ratio, which gives each training row the importance weight
 * {@code beta_i = exp(h(x_i)) * n_train / n_test} (D2L's exp(h(x_i)), corrected for unequal group sizes).
 *
 * <p>Rows are split into folds stratified by group, and every row is scored by the classifier trained
 * on the other folds: the AUC is the mean of the folds' AUCs, each measured on rows its classifier did
 * not see, and a training row's weight does not come from a classifier that memorised it. Weights above the section's
 * {@code max-weight} are clipped to it, which bounds the variance a few rows can add.
 */
public final class ShiftDetector {
    /** Hears the classifier's training. */
    @FunctionalInterface
    public interface Progress {
        /** Called after each epoch of fold {@code fold} (from 1). */
        void epochEnded(int fold, int epoch, int epochs);
    }

    /**
     * What the classifier found.
     *
     * @param auc         the cross-validated AUC of test rows against training rows (the mean over folds), with the
     *                    standard error of that mean from DeLong's standard error of each fold
     * @param trainScores each training row's out-of-fold logit h(x)
     * @param testScores  each test row's out-of-fold logit h(x)
     * @param weights     each training row's importance weight, clipped
     * @param clipped     how many weights were clipped to the maximum
     * @param diverged    whether the classifier's loss became NaN or infinite in some fold (then nothing else is valid)
     */
    public record Detection(Auc auc, double[] trainScores, double[] testScores, double[] weights, int clipped, boolean diverged) {
        public Detection {
            trainScores = trainScores.clone();
            testScores = testScores.clone();
            weights = weights.clone();
        }

        @Override
        public double[] trainScores() {
            return trainScores.clone();
        }

        @Override
        public double[] testScores() {
            return testScores.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** Returns the Kish effective sample size of the weights, (sum w)^2 / sum w^2. */
        public double effectiveSampleSize() {
            return ShiftDetector.effectiveSampleSize(weights);
        }
    }

    private ShiftDetector() {
    }

    /** Returns (sum w)^2 / sum w^2: how many equally weighted rows the weights are worth. */
    public static double effectiveSampleSize(double[] w) {
        double sum = 0;
        double squares = 0;
        for (double v : w) {
            sum += v;
            squares += v * v;
        }
        return sum * sum / squares;
    }

    /**
     * Trains the classifier on {@code train} and {@code test} rows (same columns) and scores every row
     * out of fold.
     *
     * @param streams where the folds, initial weights and shuffles come from
     * @param prefix  the stream name prefix, such as {@code repeat-2/}; the classifier adds {@code classifier/...}
     */
    public static Detection detect(ClassifierSpec spec, Tensor train, Tensor test, RandomStreams streams, String prefix,
            Kernels kernels, Progress progress) {
        if (train.columns() != test.columns()) {
            throw new IllegalArgumentException("training rows have " + train.columns() + " columns, test rows " + test.columns());
        }
        int k = spec.folds();
        int nTrain = train.rows();
        int nTest = test.rows();
        if (nTrain < k || nTest < k) {
            throw new IllegalArgumentException(nTrain + " training and " + nTest + " test rows cannot fill " + k
                    + " folds with rows of both kinds");
        }
        int[] trainFold = folds(nTrain, k, streams.stream(prefix + "classifier/folds/train"));
        int[] testFold = folds(nTest, k, streams.stream(prefix + "classifier/folds/test"));
        double[] trainScores = new double[nTrain];
        double[] testScores = new double[nTest];
        int columns = train.columns();
        double[] x = train.toArray();
        double[] xTest = test.toArray();
        for (int f = 0; f < k; f++) {
            int fold = f;
            int inTrain = count(trainFold, f, false) + count(testFold, f, false);
            double[] fitX = new double[inTrain * columns];
            double[] fitY = new double[inTrain];
            int r = 0;
            for (int i = 0; i < nTrain; i++) {
                if (trainFold[i] != f) {
                    System.arraycopy(x, i * columns, fitX, r * columns, columns);
                    fitY[r++] = 0;
                }
            }
            for (int i = 0; i < nTest; i++) {
                if (testFold[i] != f) {
                    System.arraycopy(xTest, i * columns, fitX, r * columns, columns);
                    fitY[r++] = 1;
                }
            }
            String name = prefix + "classifier/fold-" + (f + 1) + "/";
            int epochs = spec.setup().trainer().epochs();
            Fit.Fitted fitted = Fit.fit(spec.setup(), Tensor.wrap(Shape.of(inTrain, columns), fitX), Tensor.wrap(Shape.of(inTrain, 1), fitY),
                    null, streams, name, kernels, (epoch, value, predictions) -> progress.epochEnded(fold + 1, epoch, epochs));
            Network network = fitted.network();
            TrainingResult result = fitted.training();
            if (result.reason() == StopReason.DIVERGED) {
                return new Detection(new Auc(Double.NaN, Double.NaN), trainScores, testScores, new double[nTrain], 0, true);
            }
            score(network, x, trainFold, f, columns, trainScores);
            score(network, xTest, testFold, f, columns, testScores);
        }
        Auc auc = foldAverage(testScores, testFold, trainScores, trainFold, k);
        double ratio = (double) nTrain / nTest;
        double[] weights = new double[nTrain];
        int clipped = 0;
        for (int i = 0; i < nTrain; i++) {
            double beta = Math.exp(trainScores[i]) * ratio;
            if (beta > spec.maxWeight()) {
                beta = spec.maxWeight();
                clipped++;
            }
            weights[i] = beta;
        }
        return new Detection(auc, trainScores, testScores, weights, clipped, false);
    }

    /**
     * Returns the AUC of each column alone, test rows against training rows: above 0.5 when the column
     * tends to be larger in the test rows, below when smaller; its distance from 0.5 is how well that
     * column alone separates them.
     */
    public static double[] featureAucs(Tensor train, Tensor test) {
        int columns = train.columns();
        double[][] a = columns(train);
        double[][] b = columns(test);
        double[] aucs = new double[columns];
        for (int j = 0; j < columns; j++) {
            aucs[j] = Auc.of(b[j], a[j]).value();
        }
        return aucs;
    }

    private static double[][] columns(Tensor t) {
        int rows = t.rows();
        int columns = t.columns();
        double[][] c = new double[columns][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                c[j][i] = t.get(i * columns + j);
            }
        }
        return c;
    }

    /**
     * Returns the mean of the folds' AUCs, each over the rows its classifier did not see, with the standard
     * error sqrt(sum se_f^2) / k of a mean of k independent estimates. Pooling every fold's scores into one
     * AUC instead would compare scores of different classifiers, and that is biased below 0.5 when there is
     * no shift (each classifier leans away from the rows it left out); a single fold's AUC is not.
     */
    private static Auc foldAverage(double[] testScores, int[] testFold, double[] trainScores, int[] trainFold, int k) {
        double sum = 0;
        double variance = 0;
        for (int f = 0; f < k; f++) {
            Auc a = Auc.of(select(testScores, testFold, f), select(trainScores, trainFold, f));
            sum += a.value();
            variance += a.standardError() * a.standardError();
        }
        return new Auc(sum / k, Math.sqrt(variance) / k);
    }

    private static double[] select(double[] values, int[] fold, int f) {
        double[] out = new double[count(fold, f, true)];
        int r = 0;
        for (int i = 0; i < values.length; i++) {
            if (fold[i] == f) {
                out[r++] = values[i];
            }
        }
        return out;
    }

    /** Assigns rows to folds 0..k-1 in a random order, as evenly as possible. */
    private static int[] folds(int n, int k, RandomGenerator random) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        RandomStreams.permute(order, random);
        int[] fold = new int[n];
        for (int p = 0; p < n; p++) {
            fold[order[p]] = p % k;
        }
        return fold;
    }

    private static int count(int[] fold, int f, boolean in) {
        int c = 0;
        for (int v : fold) {
            if ((v == f) == in) {
                c++;
            }
        }
        return c;
    }

    /** Writes the network's logit for the rows of fold {@code f} into {@code scores}. */
    private static void score(Network network, double[] x, int[] fold, int f, int columns, double[] scores) {
        int n = count(fold, f, true);
        double[] rows = new double[n * columns];
        int[] index = new int[n];
        int r = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == f) {
                System.arraycopy(x, i * columns, rows, r * columns, columns);
                index[r++] = i;
            }
        }
        Tensor logits = network.forward(Tensor.wrap(Shape.of(n, columns), rows).to(network.dtype()));
        for (int i = 0; i < n; i++) {
            scores[index[i]] = logits.get(i);
        }
    }
}
