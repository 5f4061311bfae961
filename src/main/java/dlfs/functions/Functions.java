package dlfs.functions;

import dlfs.matrix.Matrix;

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
     * Softmax of every row, book §3.5.1–3.5.2, eq. (3.10) / (3.11): the row maximum is subtracted
     * first so exp never overflows. Returns a new matrix; each row sums to 1.
     */
    public static Matrix softmax(Matrix x) {
        Matrix y = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] a = x.data[i], out = y.data[i];
            double max = a[0];
            for (int j = 1; j < a.length; j++) {
                max = Math.max(max, a[j]);
            }
            double sum = 0;
            for (int j = 0; j < a.length; j++) {
                out[j] = Math.exp(a[j] - max);
                sum += out[j];
            }
            for (int j = 0; j < a.length; j++) {
                out[j] /= sum;
            }
        }
        return y;
    }

    /**
     * Mean cross-entropy error over the batch with class-index labels, book §4.2.4, eq. (4.3):
     * E = −(1/N) Σ_n log(y[n][t[n]] + δ).
     */
    public static double crossEntropyError(Matrix y, int[] t) {
        Labels.check("crossEntropyError", y, t);
        double sum = 0;
        for (int n = 0; n < y.rows; n++) {
            sum += Math.log(y.data[n][t[n]] + DELTA);
        }
        return -sum / y.rows;
    }

    /** Mean cross-entropy error with one-hot labels, eq. (4.3): E = −(1/N) Σ_n Σ_k t[n][k] log(y[n][k] + δ). */
    public static double crossEntropyError(Matrix y, Matrix t) {
        y.requireSameShape("crossEntropyError: y and one-hot t", t);
        double sum = 0;
        for (int n = 0; n < y.rows; n++) {
            double[] yn = y.data[n], tn = t.data[n];
            for (int k = 0; k < y.cols; k++) {
                if (tn[k] != 0) {
                    sum += tn[k] * Math.log(yn[k] + DELTA);
                }
            }
        }
        return -sum / y.rows;
    }
}
