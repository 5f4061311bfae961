package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** BatchNormalization (book §6.3): gradient check, normalized columns, running statistics at test time. */
class BatchNormalizationTest {
    private final Rng rng = new Rng(63);

    private static Matrix ones(int n) {
        Matrix m = new Matrix(1, n);
        m.fill(1.0);
        return m;
    }

    @Test
    void gradientsForXGammaAndBeta() {
        Matrix gamma = rng.randn(1, 4).addRowVectorInPlace(ones(4)), beta = rng.randn(1, 4);
        Matrix x = rng.randn(6, 4).scaleInPlace(3).addRowVectorInPlace(Matrix.row(1, -2, 0.5, 4));
        BatchNormalization bn = new BatchNormalization(gamma, beta);
        GradientCheck.checkInput(bn, x, rng);
        Matrix r = rng.randn(6, 4);
        bn.forward(x, true);
        bn.backward(r);
        GradientCheck.check("dgamma", bn.dgamma.copy(), () -> GradientCheck.weightedSum(bn, x, r), gamma);
        GradientCheck.check("dbeta", bn.dbeta.copy(), () -> GradientCheck.weightedSum(bn, x, r), beta);
    }

    @Test
    void trainingModeGivesColumnsWithMeanZeroAndVarianceOne() {
        Matrix x = rng.randn(50, 3).scaleInPlace(5).addRowVectorInPlace(Matrix.row(10, -3, 0));
        Matrix out = new BatchNormalization(ones(3), new Matrix(1, 3)).forward(x, true);
        for (int j = 0; j < 3; j++) {
            double mean = 0, var = 0;
            for (double[] row : out.data) {
                mean += row[j] / out.rows;
            }
            for (double[] row : out.data) {
                var += (row[j] - mean) * (row[j] - mean) / out.rows;
            }
            assertThat(mean).as("mean of column %d", j).isCloseTo(0, within(1e-12));
            assertThat(var).as("variance of column %d", j).isCloseTo(1, within(1e-6));   // 1 − ε/σ² with ε = 1e-6
        }
    }

    @Test
    void testModeUsesTheRunningStatistics() {
        BatchNormalization bn = new BatchNormalization(ones(2), new Matrix(1, 2));
        Matrix x = Matrix.of(new double[][] {{1, 10}, {3, 30}});    // μ = (2, 20), σ² = (1, 100)
        bn.forward(x, true);
        bn.forward(x, true);
        // running = 0.9·(0.9·0 + 0.1·μ) + 0.1·μ = 0.19·μ, starting from zero
        assertThat(bn.runningMean.data[0]).containsExactly(new double[] {0.38, 3.8}, within(1e-12));
        assertThat(bn.runningVar.data[0]).containsExactly(new double[] {0.19, 19}, within(1e-12));
        Matrix out = bn.forward(Matrix.row(5, 7), false);
        assertThat(out.data[0][0]).isCloseTo((5 - 0.38) / Math.sqrt(0.19 + 1e-6), within(1e-9));
        assertThat(out.data[0][1]).isCloseTo((7 - 3.8) / Math.sqrt(19 + 1e-6), within(1e-9));
        assertThat(bn.runningMean.data[0]).as("test mode leaves the running mean alone")
                .containsExactly(new double[] {0.38, 3.8}, within(1e-12));
    }

    @Test
    void epsilonIsTheBooks10eMinus7() {
        assertThat(BatchNormalization.EPS).isEqualTo(1e-6);
    }

    @Test
    void rejectsInputOfTheWrongWidth() {
        BatchNormalization bn = new BatchNormalization(ones(3), new Matrix(1, 3));
        assertThatThrownBy(() -> bn.forward(new Matrix(2, 4), true))
                .hasMessageContaining("x is 2x4 but gamma is 1x3");
    }
}
