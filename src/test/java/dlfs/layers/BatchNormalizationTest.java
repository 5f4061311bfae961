package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.GradientAssertions;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * BatchNormalization (book §6.3): the doubles numpy computes with the book's expressions, gradient check,
 * normalized columns, running statistics at test time.
 */
class BatchNormalizationTest {
    private final Rng rng = new Rng(63);

    /** Inputs of src/test/resources/reference/numpy_sums_and_batchnorm.py: exact fractions, 6×5. */
    private static Matrix fill(int rows, int cols, IntBinaryOperator numerator, double divisor) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[i][j] = numerator.applyAsInt(i, j) / divisor;
            }
        }
        return m;
    }

    @Test
    void forwardAndBackwardGiveTheDoublesNumpyGivesForTheBooksExpressions() {
        Matrix x = fill(6, 5, (i, j) -> (i * 37 + j * 11) % 17 - 8, 3.0);
        Matrix dout = fill(6, 5, (i, j) -> (i * 13 + j * 7) % 11 - 5, 13.0);
        Matrix gamma = new Matrix(1, 5), beta = new Matrix(1, 5);
        for (int j = 0; j < 5; j++) {
            gamma.data[0][j] = 1 + j / 10.0;
            beta.data[0][j] = j / 5.0 - 0.3;
        }
        BatchNormalization bn = new BatchNormalization(gamma, beta);
        Matrix out = bn.forward(x, true), dx = bn.backward(dout);
        assertThat(out.data[0]).containsExactly(-1.7638498584771312, 0.7895004526073331, -0.3640871926646954,
                2.0731849486047023, 0.7984809418449409);
        assertThat(out.data[3]).containsExactly(-0.0072300283045737546, -1.066848318051449, 1.9141590258710823,
                -0.05463698972094044, -1.5893665929145864);
        assertThat(dx.data[0]).containsExactly(-7.72140320004037e-08, -0.006486665753066275, -0.009314906934497089,
                -0.010705622694890692, -0.009392738979584925);
        assertThat(dx.data[3]).containsExactly(1.5442806402856297e-08, 6.61337884796144e-05, 0.004549234540645555,
                0.002141124538978127, -0.00313104449173799);
        assertThat(dx.data[5]).containsExactly(7.721403200271666e-08, 0.008538664689955639, 0.007076362639708636,
                0.007850933861117189, 0.009392738979584939);
        assertThat(bn.dgamma.data[0]).containsExactly(1.576453693744603, 1.4009158846172043, 1.4009158846172045,
                1.4689106083115877, 1.3776043469766504);
        assertThat(bn.dbeta.data[0]).containsExactly(0.0, -0.15384615384615385, -0.3076923076923077,
                0.38461538461538464, 0.23076923076923073);
    }

    /**
     * np.mean divides the sum by N: 5/3 = 1.6666666666666667, where 5·(1/3) = 1.6666666666666665. The book's
     * common/layers.py BatchNormalization, run with numpy on this x, gives these doubles.
     */
    @Test
    void theBatchMeanIsTheSumDividedByNAsNumpysMean() {
        Matrix x = Matrix.of(new double[][] {{5.0, 0.1}, {0.0, 0.2}, {0.0, 0.4}});
        BatchNormalization bn = new BatchNormalization(ones(2), new Matrix(1, 2));
        Matrix out = bn.forward(x, true);
        assertThat(out.data[0]).containsExactly(1.4142134350938917, -1.0690106071466814);
        assertThat(out.data[1]).containsExactly(-0.707106717546946, -0.26725265178667046);
        assertThat(out.data[2]).containsExactly(-0.707106717546946, 1.3362632589333514);
        assertThat(bn.runningMean.data[0]).containsExactly(0.16666666666666663, 0.02333333333333333);
        assertThat(bn.runningVar.data[0]).containsExactly(0.5555555555555554, 0.0015555555555555555);
    }

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
        GradientAssertions.checkInput(bn, x, rng);
        Matrix r = rng.randn(6, 4);
        bn.forward(x, true);
        bn.backward(r);
        GradientAssertions.check("dgamma", bn.dgamma.copy(), () -> GradientAssertions.weightedSum(bn, x, r), gamma);
        GradientAssertions.check("dbeta", bn.dbeta.copy(), () -> GradientAssertions.weightedSum(bn, x, r), beta);
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
