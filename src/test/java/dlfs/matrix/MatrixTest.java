package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MatrixTest {
    private final Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void getAndSetCheckBoundsAndNameTheBadIndex() {
        m.set(1, 2, 7);
        assertThat(m.get(1, 2)).isEqualTo(7);
        assertThatThrownBy(() -> m.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("get: row 2 is outside 0..1 of 2x3");
        assertThatThrownBy(() -> m.set(0, -1, 1)).hasMessage("set: column -1 is outside 0..2 of 2x3");
    }

    @Test
    void rejectsEmptyAndRaggedShapes() {
        assertThatThrownBy(() -> new Matrix(0, 3)).hasMessageContaining("0x3");
        assertThatThrownBy(() -> new Matrix(new double[][] {{1, 2}, {3}}))
                .hasMessageContaining("row 1 has 1 values but row 0 has 2");
    }

    @Test
    void addRowVectorAddsBiasToEveryRow() {
        m.addRowVectorInPlace(Matrix.row(10, 20, 30));
        assertThat(m.data).isDeepEqualTo(new double[][] {{11, 22, 33}, {14, 25, 36}});
        assertThatThrownBy(() -> m.addRowVectorInPlace(Matrix.row(1, 2)))
                .hasMessage("addRowVector: matrix is 2x3 but b is 1x2 (b must be 1x3)");
    }

    @Test
    void columnSumsSumOverTheBatchAxis() {
        assertThat(m.sumColumns().data[0]).containsExactly(5, 7, 9);
        assertThat(m.sum()).isEqualTo(21);
        assertThat(m.sumOfSquares()).isEqualTo(91);
    }

    @Test
    void elementwiseInPlaceOperations() {
        Matrix a = m.copy().addScaledInPlace(-0.5, m);
        assertThat(a.data).isDeepEqualTo(new double[][] {{0.5, 1, 1.5}, {2, 2.5, 3}});
        assertThat(m.copy().scaleInPlace(2).addInPlace(m).data[1]).containsExactly(12, 15, 18);
        assertThat(m.data[0]).containsExactly(1, 2, 3);   // copies were changed, not m
        assertThatThrownBy(() -> m.addInPlace(new Matrix(3, 2)))
                .hasMessage("add: shapes 2x3 and 3x2 differ (they must be equal)");
    }

    @Test
    void argmaxPerRowTakesTheFirstMaximumAndTreatsNaNLikeNumpy() {
        Matrix y = Matrix.of(new double[][] {{0.1, 0.8, 0.1}, {0.5, 0.2, 0.5}, {Double.NaN, Double.NaN, Double.NaN},
                {0.1, Double.NaN, 0.9}});
        assertThat(y.argmaxRows()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void argmaxAndMaxOfRunsAreNumpysOverTheReshapedRows() {
        double nan = Double.NaN;
        // x = np.array([[1, 3, 3, 2, 5, 4], [nan, 7, 0, 0, 1, nan]]).reshape(-1, 2): rows [1 3] [3 2] [5 4] ...
        Matrix x = Matrix.of(new double[][] {{1, 3, 3, 2, 5, 4}, {nan, 7, 0, 0, 1, nan}});
        assertThat(x.argmaxOfRuns(2)).containsExactly(1, 0, 0, 0, 0, 1);   // np.argmax(x, axis=1): ties, NaN first
        Matrix max = x.maxOfRuns(2);                                        // np.max(x, axis=1).reshape(2, 3)
        assertThat(max.data[0]).containsExactly(3, 3, 5);
        assertThat(max.data[1][0]).isNaN();
        assertThat(max.data[1][1]).isEqualTo(0);
        assertThat(max.data[1][2]).isNaN();
        assertThat(x.argmaxOfRuns(6)).containsExactly(x.argmaxRows());
        assertThatThrownBy(() -> x.maxOfRuns(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxOfRuns: matrix is 2x6 but runs of 4 do not divide its rows (need a length >= 1 that"
                        + " divides 6)");
    }

    /** a[k] = ((k·7919) mod 1013 − 506) / 7, as src/test/resources/reference/numpy_sums_and_batchnorm.py builds it. */
    private static double[] fractions(int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = ((k * 7919L) % 1013 - 506) / 7.0;
        }
        return a;
    }

    @Test
    void sumsAreNumpysPairwiseSums() {   // values numpy printed; they differ from the in-order sum from 8 values on
        int[] n = {5, 10, 127, 128, 129, 300, 1000, 78400};
        double[] numpy = {-46.85714285714286, -30.857142857142854, 54.0, 98.4285714285714, 116.42857142857136,
                199.4285714285714, 126.57142857142848, 147.71428571427774};
        for (int k = 0; k < n.length; k++) {
            assertThat(PairwiseSum.of(fractions(n[k]))).as("n = %d", n[k]).isEqualTo(numpy[k]);
        }
        double[] flat = fractions(784 * 100);
        double[][] rows = new double[784][];
        for (int i = 0; i < 784; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * 100, i * 100 + 100);
        }
        Matrix W = new Matrix(rows);
        assertThat(W.sumOfSquares()).as("np.sum(W**2)").isEqualTo(136822200.4489796);
        assertThat(W.sum()).as("np.sum(W)").isEqualTo(147.71428571427774);
    }

    @Test
    void toStringSummarizesSoCornersOfZerosDoNotHideTheValues() {
        Matrix batch = new Matrix(128, 784);                 // MNIST-like: borders 0, some ink in the middle
        for (int i = 0; i < 128; i++) {
            for (int j = 300; j < 400; j++) {
                batch.data[i][j] = j % 2 == 0 ? 1.0 : 0.5;
            }
        }
        assertThat(batch.toString()).isEqualTo("Matrix 128x784 min=0 max=1 mean=0.09566 mean|x|=0.09566"
                + " zeros=87.2% nan/inf=0 [[0, 0, 0, 0, …], [0, 0, 0, 0, …], …]");
        assertThat(m.toString()).isEqualTo("Matrix 2x3 min=1 max=6 mean=3.5 mean|x|=3.5 zeros=0.0% nan/inf=0"
                + " [[1, 2, 3], [4, 5, 6]]");
        assertThat(Matrix.row(-1.0 / 3, 2e-9).toString())
                .isEqualTo("Matrix 1x2 min=-0.3333 max=2.000e-09 mean=-0.1667 mean|x|=0.1667 zeros=0.0% nan/inf=0"
                        + " [[-0.3333, 2.000e-09]]");
    }

    @Test
    void toStringCountsNaNAndInfinityAndSummarizesTheRest() {
        Matrix x = Matrix.of(new double[][] {{Double.NaN, 2, 0}, {-4, Double.POSITIVE_INFINITY, 0}});
        assertThat(x.toString()).isEqualTo("Matrix 2x3 min=-4 max=2 mean=-0.5 mean|x|=1.5 zeros=33.3% nan/inf=2"
                + " [[NaN, 2, 0], [-4, Infinity, 0]]");
        Matrix allNaN = Matrix.row(Double.NaN);
        assertThat(allNaN.toString()).isEqualTo("Matrix 1x1 nan/inf=1 [[NaN]]");
        Matrix oneZero = new Matrix(100, 20);
        oneZero.fill(1);
        oneZero.set(3, 4, 0);
        assertThat(oneZero.toString()).contains("zeros=<0.1%");
    }

    @Test
    void detectsNonFiniteValuesAnywhere() {
        assertThat(m.hasNonFinite()).isFalse();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int[] at : new int[][] {{0, 0}, {1, 2}, {0, 1}}) {
                Matrix copy = m.copy();
                copy.set(at[0], at[1], bad);
                assertThat(copy.hasNonFinite()).as("%s at %s", bad, Arrays.toString(at)).isTrue();
            }
        }
        m.set(1, 1, Double.MAX_VALUE);
        m.set(0, 2, -Double.MAX_VALUE);
        assertThat(m.hasNonFinite()).isFalse();
    }

    /** Rows are checked four at a time, then one by one: a bad value in any row and column of 9x3 is found. */
    @Test
    void detectsNonFiniteValuesInEveryRowOfATallMatrix() {
        Matrix tall = new Matrix(9, 3);
        tall.fill(Double.MAX_VALUE);
        assertThat(tall.hasNonFinite()).isFalse();
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 3; j++) {
                Matrix copy = tall.copy();
                copy.set(i, j, Double.NEGATIVE_INFINITY);
                assertThat(copy.hasNonFinite()).as("-inf at %d,%d", i, j).isTrue();
            }
        }
    }
}
