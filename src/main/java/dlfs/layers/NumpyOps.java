package dlfs.layers;

import dlfs.matrix.Matrix;

/**
 * The numpy array operations BatchNormalization's lines are written in, one operation each, computed as
 * numpy computes them: a (D) vector broadcast over the rows of an (N,D) matrix, and sums over the batch axis,
 * where numpy adds the rows in order. Each returns a new array, as numpy does.
 */
final class NumpyOps {
    private NumpyOps() {
    }

    /** np.sum(a, axis=0): the rows added in order. */
    static double[] sumAxis0(Matrix a) {
        double[] sum = new double[a.cols];
        for (double[] row : a.data) {
            for (int j = 0; j < a.cols; j++) {
                sum[j] += row[j];
            }
        }
        return sum;
    }

    /** np.mean(a, axis=0): the sum over the rows, then divided by N. */
    static double[] meanAxis0(Matrix a) {
        return divide(sumAxis0(a), a.rows);
    }

    /** np.sqrt(v + eps). */
    static double[] sqrtPlus(double[] v, double eps) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = Math.sqrt(v[j] + eps);
        }
        return out;
    }

    /** a * b, elementwise. */
    static Matrix multiply(Matrix a, Matrix b) {
        Matrix out = new Matrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            double[] ai = a.data[i], bi = b.data[i], oi = out.data[i];
            for (int j = 0; j < a.cols; j++) {
                oi[j] = ai[j] * bi[j];
            }
        }
        return out;
    }

    /** s * a. */
    static Matrix multiply(double s, Matrix a) {
        Matrix out = new Matrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            double[] ai = a.data[i], oi = out.data[i];
            for (int j = 0; j < a.cols; j++) {
                oi[j] = s * ai[j];
            }
        }
        return out;
    }

    /** a * v, v broadcast over the rows. */
    static Matrix multiplyRow(Matrix a, double[] v) {
        Matrix out = new Matrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            double[] ai = a.data[i], oi = out.data[i];
            for (int j = 0; j < a.cols; j++) {
                oi[j] = ai[j] * v[j];
            }
        }
        return out;
    }

    /** a / v, v broadcast over the rows. */
    static Matrix divideRow(Matrix a, double[] v) {
        Matrix out = new Matrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            double[] ai = a.data[i], oi = out.data[i];
            for (int j = 0; j < a.cols; j++) {
                oi[j] = ai[j] / v[j];
            }
        }
        return out;
    }

    /** a − v, v broadcast over the rows. */
    static Matrix subtractRow(Matrix a, double[] v) {
        Matrix out = new Matrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            double[] ai = a.data[i], oi = out.data[i];
            for (int j = 0; j < a.cols; j++) {
                oi[j] = ai[j] - v[j];
            }
        }
        return out;
    }

    /** a * b for (D) vectors. */
    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] * b[j];
        }
        return out;
    }

    /** s * v. */
    static double[] multiply(double s, double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = s * v[j];
        }
        return out;
    }

    /** a / b for (D) vectors. */
    static double[] divide(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] / b[j];
        }
        return out;
    }

    /** v / d. */
    static double[] divide(double[] v, double d) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j] / d;
        }
        return out;
    }

    /** -v. */
    static double[] negative(double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = -v[j];
        }
        return out;
    }
}
