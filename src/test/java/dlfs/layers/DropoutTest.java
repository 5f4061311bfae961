package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.functions.NumericalGradient;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.GradientAssertions;
import org.junit.jupiter.api.Test;

/** Dropout (book §6.4.3): gradient with a fixed mask, test-time scaling, the share of dropped values. */
class DropoutTest {
    private final Rng rng = new Rng(64);

    @Test
    void gradientWithAFixedMask() {
        Matrix x = rng.randn(5, 6), r = rng.randn(5, 6);
        // a fresh Dropout with the same seed draws the same mask, so L = Σ out ⊙ r is a fixed function of x
        Dropout dropout = new Dropout(0.3, new Rng(7));
        dropout.forward(x, true);
        Matrix dx = dropout.backward(r);
        Matrix numeric = NumericalGradient.of(() -> GradientAssertions.weightedSum(new Dropout(0.3, new Rng(7)), x, r), x);
        assertThat(GradientAssertions.maxRelativeError(dx, numeric)).isLessThan(GradientAssertions.TOLERANCE);
        int zeros = 0;
        for (double[] row : dx.data) {
            for (double v : row) {
                zeros += v == 0 ? 1 : 0;
            }
        }
        assertThat(zeros).as("some values are dropped, some kept").isBetween(1, 29);
    }

    @Test
    void testTimeScalesByOneMinusRatio() {
        Matrix x = rng.randn(3, 4);
        Matrix out = new Dropout(0.2, rng).forward(x, false);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(out.data[i][j]).isCloseTo(x.data[i][j] * 0.8, within(1e-15));
            }
        }
    }

    @Test
    void trainingDropsAboutRatioOfTheValues() {
        Matrix x = new Matrix(100, 100);
        x.fill(1.0);
        double kept = new Dropout(0.2, rng).forward(x, true).sum() / 10000;
        assertThat(kept).isCloseTo(0.8, within(0.02));
    }

    @Test
    void theMaskIsRandGreaterThanRatioDrawnRowByRowInTrainingOnly() {
        Matrix x = Matrix.of(new double[][] {{-1, 2, -3}, {4, Double.NaN, -6}});
        Rng rng = new Rng(5), same = new Rng(5);
        Dropout dropout = new Dropout(0.5, rng);
        dropout.forward(x, false);                       // test mode draws nothing
        Matrix out = dropout.forward(x, true);
        Matrix rand = same.rand(2, 3);                   // np.random.rand(*x.shape)
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = x.data[i][j] * (rand.data[i][j] > 0.5 ? 1.0 : 0.0);   // x * mask
                assertThat(Double.doubleToRawLongBits(out.data[i][j])).as("out[%d][%d]", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
        assertThat(rng.rand()).as("the next draw: nothing else was taken").isEqualTo(same.rand());
    }

    @Test
    void rejectsARatioOutsideZeroToOne() {
        assertThatThrownBy(() -> new Dropout(1.0, rng)).hasMessageContaining("dropoutRatio=1.0 must be in [0, 1)");
    }
}
