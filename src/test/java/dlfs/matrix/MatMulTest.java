package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.testing.SystemProperties;
import dlfs.util.UserError;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MatMul's textbook loops ({@code -Ddlfs.matmul=naive}) against products worked out by hand, and its fast
 * path against those loops, bit for bit, for 1, 2 and 3 threads: on every small shape, on a few odd large
 * ones, with zeros and with special values on either side.
 */
class MatMulTest {
    private final Rng rng = new Rng(11);

    @AfterEach
    void restoreSwitches() {
        MatMul.rereadSwitches();
        MatMul.parallelThreshold = MatMul.PARALLEL_THRESHOLD;
    }

    @Test
    void theTextbookLoopsGiveTheProductsWorkedOutByHand() {
        MatMul.setNaive(true);
        Matrix x = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});          // 2x3
        Matrix W = Matrix.of(new double[][] {{1, -1}, {0, 2}, {0.5, 0}});       // 3x2
        Matrix dout = Matrix.of(new double[][] {{1, 0}, {-1, 2}});              // 2x2
        // x·W: [1+0+1.5, -1+4+0], [4+0+3, -4+10+0]
        assertThat(MatMul.dot(x, W).data).isEqualTo(new double[][] {{2.5, 3}, {7, 6}});
        // xᵀ·dout (3x2): row d = x[0][d]·dout[0] + x[1][d]·dout[1]
        assertThat(MatMul.dotTransA(x, dout).data).isEqualTo(new double[][] {{-3, 8}, {-3, 10}, {-3, 12}});
        // dout·Wᵀ with W 2x2 read as (D,H) = (2,2): out[n][d] = Σ_j dout[n][j]·W2[d][j]
        Matrix W2 = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        assertThat(MatMul.dotTransB(dout, W2).data).isEqualTo(new double[][] {{1, 3}, {3, 5}});
    }

    @Test
    void allThreeProductsEqualTheTextbookLoopsOnEveryShapeUpTo9() {
        MatMul.parallelThreshold = 0;                                            // share even these between threads
        for (int threads = 1; threads <= 3; threads++) {
            MatMul.setThreads(threads);
            for (int n = 1; n <= 9; n++) {
                for (int k = 1; k <= 9; k++) {
                    for (int m = 1; m <= 9; m++) {
                        checkAllProducts(n, k, m, threads);
                    }
                }
            }
        }
    }

    @Test
    void allThreeProductsEqualTheTextbookLoopsOnOddLargeShapes() {
        for (int threads = 1; threads <= 3; threads++) {
            MatMul.setThreads(threads);
            checkAllProducts(131, 785, 101, threads);   // rows not a multiple of 4 or of the chunks
            checkAllProducts(128, 784, 100, threads);   // the MNIST first layer
            checkAllProducts(1, 1000, 3, threads);
            checkAllProducts(257, 13, 10, threads);     // the 10-wide output layer
            checkAllProducts(128, 100, 10, threads);
        }
    }

    @Test
    void zerosOnTheLeftAreSkippedWithoutChangingAnyBitOfTheProduct() {
        MatMul.parallelThreshold = 0;
        for (int threads = 1; threads <= 3; threads++) {
            MatMul.setThreads(threads);
            Matrix x = withZeros(rng.randn(130, 300), 0.8);   // like MNIST pixels
            Matrix W = rng.randn(300, 50), dout = withZeros(rng.randn(130, 50), 0.7);
            checkAllProducts(x, W, dout, "sparse 130x300·300x50, " + threads + " threads");
            Matrix narrow = withZeros(rng.randn(130, 10), 0.5);
            checkAllProducts(x, rng.randn(300, 10), narrow, "sparse, narrow dout, " + threads + " threads");
            for (int n = 1; n <= 9; n++) {
                for (int k = 1; k <= 9; k++) {
                    Matrix a = withZeros(rng.randn(n, k), 0.9), b = rng.randn(k, 3), d = rng.randn(n, 3);
                    checkAllProducts(a, b, d, "sparse " + n + "x" + k + ", " + threads + " threads");
                }
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

    @Test
    void aNaNInXReachesTheNarrowDWThroughAZeroInDout() {
        Matrix x = rng.randn(6, 30), dout = rng.randn(6, 4);         // dout narrower than x: by columns
        x.data[2][5] = Double.POSITIVE_INFINITY;
        dout.data[2][1] = 0;                                         // dW[5][1] includes ∞ · 0 = NaN
        assertThat(MatMul.dotTransA(x, dout).data[5][1]).isNaN();
    }

    @Test
    void aNaNInXReachesTheNarrowXWThroughAZeroInW() {
        Matrix x = rng.randn(6, 30), W = rng.randn(30, 4);           // W narrower than x: by columns of xᵀ
        x.data[2][5] = Double.NaN;
        W.data[5][3] = 0;                                            // out[2][3] includes NaN · 0 = NaN
        assertThat(MatMul.dot(x, W).data[2][3]).isNaN();
    }

    @Test
    void specialValuesOnEitherSideGiveTheTextbookLoopsBits() {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MAX_VALUE, Double.MIN_VALUE, -1, 1};
        MatMul.parallelThreshold = 0;
        for (int trial = 0; trial < 300; trial++) {
            int threads = 1 + trial % 3;
            MatMul.setThreads(threads);
            int n = 1 + trial % 7, k = 1 + (trial / 7) % 9, m = trial % 2 == 0 ? 3 : MatMul.NARROW + 2;
            Matrix x = sprinkle(rng.randn(n, k), special, 0.4), W = sprinkle(rng.randn(k, m), special, 0.05);
            Matrix dout = sprinkle(rng.randn(n, m), special, trial % 3 == 0 ? 0.05 : 0.0);
            checkAllProducts(x, W, dout, "trial " + trial + " " + n + "x" + k + "·" + k + "x" + m + ", "
                    + threads + " threads");
        }
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreadsAtTheWorkloadsShapes() {
        Matrix x = withZeros(rng.randn(128, 784), 0.8), W = rng.randn(784, 100), dout = rng.randn(128, 100);
        Matrix h = withZeros(rng.randn(128, 100), 0.4), W5 = rng.randn(100, 10), dout5 = rng.randn(128, 10);
        MatMul.setThreads(1);
        Matrix[] one = {MatMul.dot(x, W), MatMul.dotTransA(x, dout), MatMul.dotTransB(dout, W),
                MatMul.dot(h, W5), MatMul.dotTransA(h, dout5), MatMul.dotTransB(dout5, W5)};
        for (int n : new int[] {2, 3}) {
            MatMul.setThreads(n);
            Matrix[] many = {MatMul.dot(x, W), MatMul.dotTransA(x, dout), MatMul.dotTransB(dout, W),
                    MatMul.dot(h, W5), MatMul.dotTransA(h, dout5), MatMul.dotTransB(dout5, W5)};
            for (int p = 0; p < one.length; p++) {
                assertSameBits(many[p], one[p], "product " + p + ", " + n + " threads");
            }
        }
    }

    @Test
    void aTallDotTransAAConvolutionsDWGivesTheTextbookLoopsBits() {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -1, 1};
        MatMul.parallelThreshold = 0;
        Matrix col = withZeros(rng.randn(5760, 25), 0.75), dout = withZeros(rng.randn(5760, 30), 0.9);
        assertThat(MatMulTall.fits(col, dout)).isTrue();                   // 57 600 x 25 and x 30 in §7.5
        for (int threads = 1; threads <= 3; threads++) {
            MatMul.setThreads(threads);
            assertSameBits(MatMul.dotTransA(col, dout), naive(() -> MatMul.dotTransA(col, dout)),
                    "col.T·dout, " + threads + " threads");
            for (int trial = 0; trial < 20; trial++) {
                int d = 1 + trial % 5, h = 1 + trial % 7, n = 16 * Math.max(d, h) + trial;
                Matrix x = sprinkle(withZeros(rng.randn(n, d), 0.5), special, trial % 2 == 0 ? 0.0 : 0.02);
                Matrix y = sprinkle(withZeros(rng.randn(n, h), 0.8), special, trial % 3 == 0 ? 0.02 : 0.0);
                assertThat(MatMulTall.fits(x, y)).isTrue();
                Matrix out = new Matrix(d, h);
                out.fill(99);                                              // overwritten, not added to
                assertSameBits(MatMul.dotTransA(x, y, out), naive(() -> MatMul.dotTransA(x, y)),
                        "tall trial " + trial + " " + n + "x" + d + ", x" + h + ", " + threads + " threads");
            }
        }
        Matrix x = rng.randn(100, 2), y = rng.randn(100, 3);
        x.data[40][1] = Double.NaN;
        y.data[40][2] = 0;                                                 // dW[1][2] includes NaN · 0 = NaN
        assertThat(MatMul.dotTransA(x, y).data[1][2]).isNaN();
    }

    @Test
    void dotTransAOverwritesItsOutputBothWhenNarrowAndWide() {
        for (int H : new int[] {2, MatMul.NARROW + 4}) {   // dout narrower than x: computed by columns
            Matrix x = rng.randn(5, 3), dout = rng.randn(5, H), out = new Matrix(3, H);
            out.fill(99);
            MatMul.dotTransA(x, dout, out);
            assertSameBits(out, naive(() -> MatMul.dotTransA(x, dout)), "H=" + H);
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

    @Test
    void transposeCopiesEveryValueToItsMirroredPlace() {
        for (int rows = 1; rows <= 9; rows++) {
            for (int cols = 1; cols <= 9; cols++) {
                Matrix W = rng.randn(rows, cols), T = MatMul.transpose(W);
                assertThat(T.shape()).isEqualTo(cols + "x" + rows);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        assertThat(T.data[j][i]).isEqualTo(W.data[i][j]);
                    }
                }
            }
        }
    }

    @Test
    void badSwitchValuesAreRefusedWithTheAllowedValues() {
        String threads = System.getProperty("dlfs.threads"), matmul = System.getProperty("dlfs.matmul");
        try {
            String allowed = " is not allowed (give a whole number from 1 to " + MatMul.MAX_THREADS + ", at most 4 per core)";
            for (String bad : new String[] {"two", "0", "-1", String.valueOf(MatMul.MAX_THREADS + 1), "1000",
                    String.valueOf(Integer.MAX_VALUE), "99999999999"}) {
                System.setProperty("dlfs.threads", bad);
                MatMul.setThreads(2);
                assertThatThrownBy(MatMul::rereadSwitches).isInstanceOf(UserError.class)
                        .hasMessage("-Ddlfs.threads=" + bad + allowed);
            }
            System.setProperty("dlfs.threads", String.valueOf(MatMul.MAX_THREADS));
            MatMul.rereadSwitches();
            assertThat(MatMul.threads()).isEqualTo(MatMul.MAX_THREADS);
            System.setProperty("dlfs.threads", "3");
            System.setProperty("dlfs.matmul", "textbook");
            assertThatThrownBy(MatMul::rereadSwitches).isInstanceOf(UserError.class)
                    .hasMessage("-Ddlfs.matmul=textbook is not allowed (give naive for the textbook loops, or fast)");
            System.setProperty("dlfs.matmul", "naive");
            MatMul.rereadSwitches();
            assertThat(MatMul.naive()).isTrue();
            assertThat(MatMul.threads()).isEqualTo(3);
        } finally {
            SystemProperties.restore("dlfs.threads", threads);
            SystemProperties.restore("dlfs.matmul", matmul);
            MatMul.rereadSwitches();
        }
    }


    @Test
    void setThreadsRefusesCountsOutsideOneToFourPerCore() {
        assertThatThrownBy(() -> MatMul.setThreads(0)).hasMessage("MatMul.setThreads: n=0 is outside 1.." + MatMul.MAX_THREADS);
        assertThatThrownBy(() -> MatMul.setThreads(MatMul.MAX_THREADS + 1))
                .hasMessage("MatMul.setThreads: n=" + (MatMul.MAX_THREADS + 1) + " is outside 1.." + MatMul.MAX_THREADS);
        assertThat(MatMul.MAX_THREADS).isEqualTo(4 * Runtime.getRuntime().availableProcessors());
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

    private void checkAllProducts(int n, int k, int m, int threads) {
        checkAllProducts(rng.randn(n, k), rng.randn(k, m), rng.randn(n, m),
                n + "x" + k + "·" + k + "x" + m + ", " + threads + " threads");
    }

    /** The fast path's three products against the textbook loops', as bit patterns. */
    private static void checkAllProducts(Matrix x, Matrix W, Matrix dout, String shape) {
        assertSameBits(MatMul.dot(x, W), naive(() -> MatMul.dot(x, W)), "dot " + shape);
        assertSameBits(MatMul.dotTransA(x, dout), naive(() -> MatMul.dotTransA(x, dout)), "dotTransA " + shape);
        assertSameBits(MatMul.dotTransB(dout, W), naive(() -> MatMul.dotTransB(dout, W)), "dotTransB " + shape);
    }

    /** The product computed by the textbook loops ({@code -Ddlfs.matmul=naive}). */
    private static Matrix naive(Supplier<Matrix> product) {
        MatMul.setNaive(true);
        try {
            return product.get();
        } finally {
            MatMul.setNaive(false);
        }
    }

    /**
     * The fast path adds the same terms in the same order as the textbook loop, so the two agree to the last
     * bit: compared as bit patterns, so that 0.0 and -0.0 differ and NaN equals NaN.
     */
    static void assertSameBits(Matrix actual, Matrix expected, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        for (int i = 0; i < actual.rows; i++) {
            for (int j = 0; j < actual.cols; j++) {
                assertThat(Double.doubleToLongBits(actual.data[i][j])).as("%s at [%d][%d]: %s vs %s", what, i, j,
                        actual.data[i][j], expected.data[i][j]).isEqualTo(Double.doubleToLongBits(expected.data[i][j]));
            }
        }
    }
}
