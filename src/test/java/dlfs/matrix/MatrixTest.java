package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void toStringShowsShapeAndCorners() {
        Matrix big = new Matrix(100, 784);
        big.set(0, 1, 0.01);
        big.set(99, 783, 0.25);
        assertThat(big.toString()).isEqualTo("Matrix 100x784 [[0.0, 0.01, 0.0, …, 0.0], …, [0.0, 0.0, 0.0, …, 0.25]]");
        assertThat(m.toString()).isEqualTo("Matrix 2x3 [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]");
        assertThat(Matrix.row(1.0 / 3).toString()).isEqualTo("Matrix 1x1 [[0.3333]]");
    }

    @Test
    void detectsNonFiniteValuesAnywhere() {
        assertThat(m.hasNonFinite()).isFalse();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int[] at : new int[][] {{0, 0}, {1, 2}, {0, 1}}) {
                Matrix copy = m.copy();
                copy.set(at[0], at[1], bad);
                assertThat(copy.hasNonFinite()).as("%s at %s", bad, java.util.Arrays.toString(at)).isTrue();
            }
        }
        m.set(1, 1, Double.MAX_VALUE);
        m.set(0, 2, -Double.MAX_VALUE);
        assertThat(m.hasNonFinite()).isFalse();
        assertThat(Math.sqrt(2)).isCloseTo(1.41421356, within(1e-8));
    }
}
