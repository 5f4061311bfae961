package dlfs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.functions.NumericalGradient;
import dlfs.layers.Layer;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.util.function.DoubleSupplier;

/**
 * Gradient checks (book §5.7.3, ch05/gradient_check.py): backprop against the central-difference gradient.
 * For a single layer, the scalar L = Σ out ⊙ r with a fixed random r makes backward(r) the exact ∂L/∂x.
 */
public final class GradientAssertions {
    /** Largest allowed |a − n| / max(1, |a|, |n|). */
    public static final double TOLERANCE = 1e-6;

    private GradientAssertions() {
    }

    /** L = Σ forward(x) ⊙ r. */
    public static double weightedSum(Layer layer, Matrix x, Matrix r) {
        Matrix out = layer.forward(x, true);
        double L = 0;
        for (int i = 0; i < out.rows; i++) {
            for (int j = 0; j < out.cols; j++) {
                L += out.data[i][j] * r.data[i][j];
            }
        }
        return L;
    }

    /**
     * Runs forward(x) and backward(r) once, checks dx against the numerical gradient of L = Σ out ⊙ r, and
     * returns the largest relative error. Parameter gradients of the layer can be checked afterwards with
     * {@link #maxRelativeError} and {@link NumericalGradient#of} on {@code () -> weightedSum(layer, x, r)}.
     */
    public static double checkInput(Layer layer, Matrix x, Rng rng) {
        Matrix out = layer.forward(x, true);
        Matrix r = rng.randn(out.rows, out.cols);
        Matrix dx = layer.backward(r);
        Matrix numeric = NumericalGradient.of(() -> weightedSum(layer, x, r), x);
        double err = maxRelativeError(dx, numeric);
        assertThat(err).as("dx of %s", layer.name()).isLessThan(TOLERANCE);
        return err;
    }

    /** Numerical gradient of f with respect to p, compared with {@code analytic}; returns the error. */
    public static double check(String what, Matrix analytic, DoubleSupplier f, Matrix p) {
        Matrix numeric = NumericalGradient.of(f, p);
        double err = maxRelativeError(analytic, numeric);
        assertThat(err).as(what).isLessThan(TOLERANCE);
        return err;
    }

    /** max over elements of |a − n| / max(1, |a|, |n|). */
    public static double maxRelativeError(Matrix a, Matrix n) {
        assertThat(a.shape()).isEqualTo(n.shape());
        double worst = 0;
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                double x = a.data[i][j], y = n.data[i][j];
                double scale = Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
                worst = Math.max(worst, Math.abs(x - y) / scale);
            }
        }
        return worst;
    }

    /** A random matrix whose entries are at least {@code gap} away from 0 (so ReLU's kink is never crossed). */
    public static Matrix awayFromZero(Rng rng, int rows, int cols, double gap) {
        Matrix m = rng.randn(rows, cols);
        for (double[] row : m.data) {
            for (int j = 0; j < cols; j++) {
                if (Math.abs(row[j]) < gap) {
                    row[j] = row[j] < 0 ? -gap - 0.1 : gap + 0.1;
                }
            }
        }
        return m;
    }
}
