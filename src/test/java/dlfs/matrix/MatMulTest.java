package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.testing.NaiveMatMul;
import org.junit.jupiter.api.Test;

/** MatMul against the naive triple loop, bit for bit, on every small shape and on a few odd large ones. */
class MatMulTest {
    private final Rng rng = new Rng(11);

    @Test
    void allThreeProductsEqualTheNaiveLoopOnEveryShapeUpTo9() {
        for (int n = 1; n <= 9; n++) {
            for (int k = 1; k <= 9; k++) {
                for (int m = 1; m <= 9; m++) {
                    checkAllProducts(n, k, m);
                }
            }
        }
    }

    @Test
    void allThreeProductsEqualTheNaiveLoopOnOddLargeShapes() {
        checkAllProducts(131, 785, 101);    // above the threading threshold, rows not a multiple of 4
        checkAllProducts(128, 784, 100);    // the MNIST first layer
        checkAllProducts(1, 1000, 3);
        checkAllProducts(257, 13, 10);      // the 10-wide output layer
    }

    @Test
    void zerosOnTheLeftAreSkippedWithoutChangingAnyBitOfTheProduct() {
        Matrix x = withZeros(rng.randn(130, 300), 0.8);   // like MNIST pixels
        Matrix W = rng.randn(300, 50), dout = withZeros(rng.randn(130, 50), 0.7);
        checkAllProducts(x, W, dout, "sparse 130x300·300x50");
        for (int n = 1; n <= 9; n++) {
            for (int k = 1; k <= 9; k++) {
                Matrix a = withZeros(rng.randn(n, k), 0.9), b = rng.randn(k, 3), d = rng.randn(n, 3);
                assertSameBits(MatMul.dot(a, b), NaiveMatMul.dot(a, b), "sparse dot " + n + "x" + k);
                assertSameBits(MatMul.dotTransA(a, d), NaiveMatMul.dot(NaiveMatMul.transpose(a), d), "sparse dotTransA");
            }
        }
    }

    @Test
    void aNaNOnTheRightPropagatesEvenThroughSkippedZerosAsInNumpy() {
        Matrix x = withZeros(rng.randn(20, 30), 0.9), W = rng.randn(30, 5);
        x.data[0][3] = 0;
        W.data[3][2] = Double.NaN;   // 0 · NaN = NaN: every row of x·W gets a NaN in column 2
        Matrix product = MatMul.dot(x, W);
        for (int i = 0; i < 20; i++) {
            assertThat(product.data[i][2]).as("row %d", i).isNaN();
        }
        Matrix dout = rng.randn(20, 5);
        dout.data[7][1] = Double.POSITIVE_INFINITY;
        x.data[7][0] = 0;
        assertThat(MatMul.dotTransA(x, dout).data[0][1]).isNaN();   // dW[0][1] includes x[7][0] · ∞ = 0 · ∞ = NaN
    }

    private Matrix withZeros(Matrix m, double share) {
        for (double[] row : m.data) {
            for (int j = 0; j < row.length; j++) {
                if (rng.rand() < share) {
                    row[j] = 0;
                }
            }
        }
        return m;
    }

    private void checkAllProducts(int n, int k, int m) {
        checkAllProducts(rng.randn(n, k), rng.randn(k, m), rng.randn(n, m), n + "x" + k + "·" + k + "x" + m);
    }

    private static void checkAllProducts(Matrix x, Matrix W, Matrix dout, String shape) {
        assertSameBits(MatMul.dot(x, W), NaiveMatMul.dot(x, W), "dot " + shape);
        assertSameBits(MatMul.dotTransA(x, dout), NaiveMatMul.dot(NaiveMatMul.transpose(x), dout), "dotTransA " + shape);
        assertSameBits(MatMul.dotTransB(dout, W), NaiveMatMul.dot(dout, NaiveMatMul.transpose(W)), "dotTransB " + shape);
    }

    /**
     * MatMul adds the same terms in the same order as the naive loop, so the two agree to the last bit:
     * compared as bit patterns, so that 0.0 and -0.0 differ and NaN equals NaN.
     */
    private static void assertSameBits(Matrix actual, Matrix expected, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        for (int i = 0; i < actual.rows; i++) {
            for (int j = 0; j < actual.cols; j++) {
                assertThat(Double.doubleToLongBits(actual.data[i][j])).as("%s at [%d][%d]: %s vs %s", what, i, j,
                        actual.data[i][j], expected.data[i][j]).isEqualTo(Double.doubleToLongBits(expected.data[i][j]));
            }
        }
    }

    @Test
    void specialValuesOnEitherSideGiveTheNaiveLoopsBits() {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MAX_VALUE, Double.MIN_VALUE, -1, 1};
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + trial % 7, k = 1 + (trial / 7) % 9, m = trial % 2 == 0 ? 3 : MatMul.NARROW + 2;
            Matrix x = sprinkle(rng.randn(n, k), special, 0.4), W = sprinkle(rng.randn(k, m), special, 0.05);
            Matrix dout = sprinkle(rng.randn(n, m), special, trial % 3 == 0 ? 0.05 : 0.0);
            checkAllProducts(x, W, dout, "trial " + trial + " " + n + "x" + k + "·" + k + "x" + m);
        }
    }

    @Test
    void aNaNInXReachesTheNarrowDWThroughAZeroInDout() {
        Matrix x = rng.randn(6, 30), dout = rng.randn(6, 4);         // dout narrower than x: (doutᵀ·x)ᵀ
        x.data[2][5] = Double.POSITIVE_INFINITY;
        dout.data[2][1] = 0;                                         // dW[5][1] includes ∞ · 0 = NaN
        assertThat(MatMul.dotTransA(x, dout).data[5][1]).isNaN();
    }

    /** Replaces about {@code share} of m's values by values picked from {@code special}. */
    private Matrix sprinkle(Matrix m, double[] special, double share) {
        for (double[] row : m.data) {
            for (int j = 0; j < row.length; j++) {
                if (rng.rand() < share) {
                    row[j] = special[(int) (rng.rand() * special.length)];
                }
            }
        }
        return m;
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        Matrix x = rng.randn(130, 784), W = rng.randn(784, 100), dout = rng.randn(130, 100);
        int before = MatMul.threads();
        try {
            MatMul.setThreads(1);
            Matrix[] one = {MatMul.dot(x, W), MatMul.dotTransA(x, dout), MatMul.dotTransB(dout, W)};
            for (int n : new int[] {2, 3}) {
                MatMul.setThreads(n);
                assertSameBits(MatMul.dot(x, W), one[0], "dot, " + n + " threads");
                assertSameBits(MatMul.dotTransA(x, dout), one[1], "dotTransA, " + n + " threads");
                assertSameBits(MatMul.dotTransB(dout, W), one[2], "dotTransB, " + n + " threads");
            }
        } finally {
            MatMul.setThreads(before);
        }
    }

    @Test
    void dotTransAOverwritesItsOutputBothWhenNarrowAndWide() {
        for (int H : new int[] {2, MatMul.NARROW + 4}) {   // dout narrower than x: computed as (doutᵀ·x)ᵀ
            Matrix x = rng.randn(5, 3), dout = rng.randn(5, H), out = new Matrix(3, H);
            out.fill(99);
            MatMul.dotTransA(x, dout, out);
            assertSameBits(out, NaiveMatMul.dot(NaiveMatMul.transpose(x), dout), "H=" + H);
        }
    }

    @Test
    void dotTransARefusesToWriteOverItsOwnInputs() {
        Matrix x = rng.randn(4, 4), dout = rng.randn(4, 4);
        assertThatThrownBy(() -> MatMul.dotTransA(x, dout, x)).hasMessageContaining("not x or dout");
        assertThatThrownBy(() -> MatMul.dotTransA(x, dout, dout)).hasMessageContaining("not x or dout");
    }

    @Test
    void shapeErrorsNameTheOperationBothShapesAndTheRule() {
        assertThatThrownBy(() -> MatMul.dot(new Matrix(100, 784), new Matrix(100, 50)))
                .hasMessage("dot: x is 100x784 but W is 100x50 (x.cols must equal W.rows)");
        assertThatThrownBy(() -> MatMul.dotTransA(new Matrix(100, 784), new Matrix(99, 50)))
                .hasMessage("dotTransA: x is 100x784 but dout is 99x50 (x.rows must equal dout.rows)");
        assertThatThrownBy(() -> MatMul.dotTransB(new Matrix(100, 50), new Matrix(784, 49)))
                .hasMessage("dotTransB: dout is 100x50 but W is 784x49 (dout.cols must equal W.cols)");
        assertThatThrownBy(() -> MatMul.dotTransA(new Matrix(4, 3), new Matrix(4, 2), new Matrix(2, 3)))
                .hasMessageContaining("out is 2x3 but xᵀ·dout is 3x2");
    }
}
