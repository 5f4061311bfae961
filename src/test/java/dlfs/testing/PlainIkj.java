package dlfs.testing;

import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;

/**
 * The three Affine products written as the plain one-row i-k-j loop, without MatMul's four-row blocking or
 * threads: the baseline that MatMulBenchmark reports MatMul's gain over.
 */
public final class PlainIkj {
    private PlainIkj() {
    }

    /** x · W. */
    public static Matrix dot(Matrix x, Matrix W) {
        Matrix out = new Matrix(x.rows, W.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] a = x.data[i], c = out.data[i];
            for (int k = 0; k < x.cols; k++) {
                double aik = a[k];
                double[] b = W.data[k];
                for (int j = 0; j < W.cols; j++) {
                    c[j] += aik * b[j];
                }
            }
        }
        return out;
    }

    /** xᵀ · dout, x read in place. */
    public static Matrix dotTransA(Matrix x, Matrix dout) {
        Matrix out = new Matrix(x.cols, dout.cols);
        for (int d = 0; d < x.cols; d++) {
            double[] c = out.data[d];
            for (int n = 0; n < x.rows; n++) {
                double a = x.data[n][d];
                double[] b = dout.data[n];
                for (int j = 0; j < dout.cols; j++) {
                    c[j] += a * b[j];
                }
            }
        }
        return out;
    }

    /** dout · Wᵀ through a copy of Wᵀ. */
    public static Matrix dotTransB(Matrix dout, Matrix W) {
        return dot(dout, MatMul.transpose(W));
    }

    /** dout · Wᵀ in place: one dot product of two rows per output element. */
    public static Matrix dotTransBInPlace(Matrix dout, Matrix W) {
        Matrix out = new Matrix(dout.rows, W.rows);
        for (int i = 0; i < dout.rows; i++) {
            double[] a = dout.data[i], c = out.data[i];
            for (int d = 0; d < W.rows; d++) {
                double[] w = W.data[d];
                double sum = 0;
                for (int j = 0; j < a.length; j++) {
                    sum += a[j] * w[j];
                }
                c[d] = sum;
            }
        }
        return out;
    }
}
