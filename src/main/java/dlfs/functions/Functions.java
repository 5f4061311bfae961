package dlfs.functions;

import dlfs.matrix.Matrix;
import dlfs.matrix.PairwiseSum;

/** The book's activation and loss functions; port of common/functions.py. */
public final class Functions {
    /** The δ added inside the logarithm of the cross-entropy error (book §4.2.2), so log(0) never happens. */
    public static final double DELTA = 1e-7;

    private Functions() {
    }

    /** σ(x) = 1 / (1 + exp(−x)), book §3.2.4, eq. (3.6). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * Softmax of every row, book §3.5.1–3.5.2, eq. (3.10) / (3.11), as functions.py writes it:
     * {@code x = x - np.max(x, axis=-1)}, then {@code np.exp(x) / np.sum(np.exp(x), axis=-1)}. Subtracting the row
     * maximum keeps exp from overflowing. The row sum is numpy's pairwise sum ({@link PairwiseSum}), so every
     * value is the double numpy computes (up to numpy's own exp, which may differ from Math.exp in the last bit).
     */
    public static Matrix softmax(Matrix x) {
        Matrix y = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] a = x.data[i], expX = y.data[i];
            double max = a[0];
            for (int j = 1; j < a.length; j++) {
                max = Math.max(max, a[j]);                       // np.max(x, axis=-1)
            }
            for (int j = 0; j < a.length; j++) {
                expX[j] = Math.exp(a[j] - max);                  // np.exp(x - max)
            }
            double sum = PairwiseSum.of(expX);                   // np.sum(np.exp(x), axis=-1)
            for (int j = 0; j < a.length; j++) {
                expX[j] /= sum;                                  // np.exp(x) / sum
            }
        }
        return y;
    }

    /**
     * Mean cross-entropy error over the batch with class-index labels, book §4.2.4, eq. (4.3):
     * {@code -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size}, summed pairwise as numpy does.
     */
    public static double crossEntropyError(Matrix y, int[] t) {
        Labels.check("crossEntropyError", y, t);
        int batchSize = y.rows;
        double[] logYt = new double[batchSize];
        for (int n = 0; n < batchSize; n++) {
            logYt[n] = Math.log(y.data[n][t[n]] + DELTA);       // np.log(y[arange, t] + 1e-7)
        }
        return -PairwiseSum.of(logYt) / batchSize;
    }

    /** The same with one-hot labels (N,C): like functions.py, it turns them into indices first ({@code t.argmax(axis=1)}). */
    public static double crossEntropyError(Matrix y, Matrix t) {
        y.requireSameShape("crossEntropyError: y and one-hot t", t);
        return crossEntropyError(y, Labels.fromOneHot(t));
    }
}
