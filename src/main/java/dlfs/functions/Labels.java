package dlfs.functions;

import dlfs.matrix.Matrix;

/** Label helpers: checking class-index labels and converting one-hot rows to class indices (numpy argmax). */
public final class Labels {
    private Labels() {
    }

    /** Throws unless there is one label per row of {@code y} and each lies in 0..y.cols-1. */
    public static void check(String op, Matrix y, int[] t) {
        if (t.length != y.rows) {
            throw new IllegalArgumentException(op + ": " + t.length + " labels for " + y.shape()
                    + " scores (need one label per row)");
        }
        for (int n = 0; n < t.length; n++) {
            if (t[n] < 0 || t[n] >= y.cols) {
                throw new IllegalArgumentException(op + ": label t[" + n + "] = " + t[n]
                        + " is out of range 0.." + (y.cols - 1));
            }
        }
    }

    /** Class indices of one-hot rows (numpy {@code np.argmax(t, axis=1)}). */
    public static int[] fromOneHot(Matrix t) {
        return t.argmaxRows();
    }

    /** One-hot rows (N, classes) for class indices (the book's {@code _change_one_hot_label}). */
    public static Matrix oneHot(int[] t, int classes) {
        Matrix m = new Matrix(t.length, classes);
        for (int n = 0; n < t.length; n++) {
            if (t[n] < 0 || t[n] >= classes) {
                throw new IllegalArgumentException("oneHot: label t[" + n + "] = " + t[n]
                        + " is out of range 0.." + (classes - 1));
            }
            m.data[n][t[n]] = 1.0;
        }
        return m;
    }
}
