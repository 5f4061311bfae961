package dlfs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dlfs.matrix.Matrix;
import dlfs.matrix.PairwiseSum;
import org.junit.jupiter.api.Test;

/**
 * Known values from the book, §3.5 and §4.2, checked by an independent calculation, and values numpy printed
 * for the book's softmax and cross_entropy_error (src/test/resources/reference/numpy_sums_and_batchnorm.py).
 */
class FunctionsTest {
    /** x[i][j] = ((i·31 + j·17) mod 23) / 3 − 4, 300×10, as the reference script builds it. */
    private static Matrix scores() {
        Matrix x = new Matrix(300, 10);
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 10; j++) {
                x.data[i][j] = ((i * 31 + j * 17) % 23) / 3.0 - 4;
            }
        }
        return x;
    }

    /** t[i] = (i·7 + 5) mod 10. */
    private static int[] labels() {
        int[] t = new int[300];
        for (int i = 0; i < 300; i++) {
            t[i] = (i * 7 + 5) % 10;
        }
        return t;
    }

    private static double inOrderSum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** Equal up to 2 units in the last place: numpy's SIMD exp and log differ from Math.exp and Math.log there. */
    private static void assertNumpy(String what, double actual, double numpy) {
        assertThat(Math.abs(actual - numpy)).as("%s: %s vs numpy's %s", what, actual, numpy)
                .isLessThanOrEqualTo(2 * Math.ulp(numpy));
    }

    @Test
    void softmaxAndCrossEntropyAreNumpysValues() {
        Matrix y = Functions.softmax(scores());
        double[][] numpy = {
            {0.001382971336277983, 0.39977464201441576, 0.054103614407836405, 0.007322127980009022,
                0.0009909422640692472, 0.2864510481767568, 0.03876693373842598, 0.005246533957704876,
                0.0007100411591764959, 0.2052511449653273},
            {0.0013829713362779827, 0.399774642014416, 0.05410361440783643, 0.007322127980009021,
                0.0009909422640692479, 0.2864510481767567, 0.038766933738425956, 0.005246533957704874,
                0.0007100411591764957, 0.2052511449653272}};
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 10; j++) {
                assertNumpy("softmax row " + (k == 0 ? 6 : 9), y.data[k == 0 ? 6 : 9][j], numpy[k][j]);
            }
        }
        assertNumpy("cross_entropy_error", Functions.crossEntropyError(y, labels()), 4.0142878822721375);
    }

    @Test
    void softmaxAndCrossEntropySumAsNumpyDoesNotInOrder() {
        Matrix x = scores(), y = Functions.softmax(x);
        for (int i : new int[] {6, 9}) {        // rows where the in-order sum of exp(x - max) differs
            double max = Double.NEGATIVE_INFINITY;
            double[] expX = new double[10];
            for (double v : x.data[i]) {
                max = Math.max(max, v);
            }
            for (int j = 0; j < 10; j++) {
                expX[j] = Math.exp(x.data[i][j] - max);
            }
            assertThat(PairwiseSum.of(expX)).isNotEqualTo(inOrderSum(expX));
            for (int j = 0; j < 10; j++) {
                assertThat(y.data[i][j]).as("y[%d][%d]", i, j).isEqualTo(expX[j] / PairwiseSum.of(expX));
            }
        }
        int[] t = labels();
        double[] logYt = new double[300];
        for (int n = 0; n < 300; n++) {
            logYt[n] = Math.log(y.data[n][t[n]] + 1e-7);
        }
        assertThat(PairwiseSum.of(logYt)).isNotEqualTo(inOrderSum(logYt));
        assertThat(Functions.crossEntropyError(y, t)).isEqualTo(-PairwiseSum.of(logYt) / 300);
    }

    @Test
    void softmaxOfTheBooksExample() {   // §3.5.1
        Matrix y = Functions.softmax(Matrix.row(0.3, 2.9, 4.0));
        assertThat(y.data[0][0]).isCloseTo(0.01821127, within(1e-8));
        assertThat(y.data[0][1]).isCloseTo(0.24519181, within(1e-8));
        assertThat(y.data[0][2]).isCloseTo(0.73659691, within(1e-8));
    }

    @Test
    void softmaxDoesNotOverflow() {     // §3.5.2: np.exp(1010) is inf, the shifted form is fine
        Matrix y = Functions.softmax(Matrix.row(1010, 1000, 990));
        assertThat(y.hasNonFinite()).isFalse();
        assertThat(y.sum()).isCloseTo(1.0, within(1e-12));
        assertThat(y.data[0][0]).isCloseTo(0.99995460, within(1e-8));
        assertThat(y.data[0][1]).isCloseTo(4.5397869e-5, withinPercentage(1e-5));
        assertThat(y.data[0][2]).isCloseTo(2.0610600e-9, withinPercentage(1e-5));
    }

    @Test
    void softmaxRowsSumToOneAndIgnoreAConstantShift() {
        Matrix x = Matrix.of(new double[][] {{1, -2, 3, 0.5}, {0, 0, 0, 0}});
        Matrix shifted = x.copy().addRowVectorInPlace(Matrix.row(100, 100, 100, 100));
        Matrix y = Functions.softmax(x), ys = Functions.softmax(shifted);
        for (int i = 0; i < 2; i++) {
            assertThat(y.data[i][0] + y.data[i][1] + y.data[i][2] + y.data[i][3]).isCloseTo(1, within(1e-12));
            for (int j = 0; j < 4; j++) {
                assertThat(ys.data[i][j]).isCloseTo(y.data[i][j], within(1e-12));
            }
        }
    }

    @Test
    void crossEntropyOfTheBooksExamples() {   // §4.2.2: t = 2; y[2] = 0.6, then y[2] = 0.1
        Matrix good = Matrix.row(0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0);
        Matrix bad = Matrix.row(0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0);
        assertThat(Functions.crossEntropyError(good, new int[] {2})).isCloseTo(0.510825457, within(1e-9));
        assertThat(Functions.crossEntropyError(bad, new int[] {2})).isCloseTo(2.302584093, within(1e-9));
        Matrix oneHot = Labels.oneHot(new int[] {2}, 10);
        assertThat(Functions.crossEntropyError(good, oneHot)).isCloseTo(0.510825457, within(1e-9));
    }

    @Test
    void uniformScoresOverTenClassesGiveLn10() {
        Matrix y = Functions.softmax(new Matrix(3, 10));
        assertThat(Functions.crossEntropyError(y, new int[] {0, 4, 9})).isCloseTo(Math.log(10), within(1e-6));
    }

    @Test
    void labelsOutOfRangeAreRejected() {
        Matrix y = Functions.softmax(new Matrix(2, 10));
        assertThatThrownBy(() -> Functions.crossEntropyError(y, new int[] {3, 10}))
                .hasMessage("crossEntropyError: label t[1] = 10 is out of range 0..9");
        assertThatThrownBy(() -> Functions.crossEntropyError(y, new int[] {3}))
                .hasMessage("crossEntropyError: 1 labels for 2x10 scores (need one label per row)");
    }

    @Test
    void numericalGradientOfTheBooksFunction2() {   // §4.4: f(x0, x1) = x0² + x1² at (3, 4) → (6, 8)
        Matrix x = Matrix.row(3.0, 4.0);
        Matrix grad = NumericalGradient.of(() -> x.data[0][0] * x.data[0][0] + x.data[0][1] * x.data[0][1], x);
        assertThat(grad.data[0][0]).isCloseTo(6, within(1e-6));
        assertThat(grad.data[0][1]).isCloseTo(8, within(1e-6));
        assertThat(x.data[0]).containsExactly(3.0, 4.0);   // restored
    }
}
