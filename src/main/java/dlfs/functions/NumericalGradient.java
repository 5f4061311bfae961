package dlfs.functions;

import dlfs.matrix.Matrix;
import java.util.function.DoubleSupplier;

/**
 * Numerical gradient by central difference, book §4.3.1 and §4.4, eq. (4.5) style:
 * ∂f/∂x ≈ (f(x + h) − f(x − h)) / 2h with h = 1e-4. Port of common/gradient.py {@code numerical_gradient}.
 * Like the book, it perturbs {@code x} in place and restores each element afterwards, so {@code f} must read
 * the very matrix passed here (e.g. a network's parameter).
 */
public final class NumericalGradient {
    /** The book's h. */
    public static final double H = 1e-4;

    private NumericalGradient() {
    }

    /** ∂f/∂x for every element of x, as a matrix shaped like x. */
    public static Matrix of(DoubleSupplier f, Matrix x) {
        Matrix grad = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] row = x.data[i];
            for (int j = 0; j < x.cols; j++) {
                double tmp = row[j];
                row[j] = tmp + H;
                double fxh1 = f.getAsDouble();   // f(x + h)
                row[j] = tmp - H;
                double fxh2 = f.getAsDouble();   // f(x - h)
                grad.data[i][j] = (fxh1 - fxh2) / (2 * H);
                row[j] = tmp;                   // restore
            }
        }
        return grad;
    }

    /**
     * np.average(np.abs(a - b)): how far a backprop gradient is from the numerical one, as the book's gradient_check
     * scripts print it (numpy's pairwise sum over all elements, then / size).
     */
    public static double meanAbsDiff(Matrix a, Matrix b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("meanAbsDiff: a is " + a.shape() + " but b is " + b.shape()
                    + " (they must be equal)");
        }
        Matrix absDiff = new Matrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                absDiff.data[i][j] = Math.abs(a.data[i][j] - b.data[i][j]);
            }
        }
        return absDiff.sum() / ((double) a.rows * a.cols);
    }
}
