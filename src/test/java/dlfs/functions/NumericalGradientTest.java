package dlfs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.matrix.Matrix;
import org.junit.jupiter.api.Test;

class NumericalGradientTest {
    /** f(x) = x00² + 3·x01 at (2, 5): ∂f/∂x = (4, 3), exact up to the central difference's rounding. */
    @Test
    void centralDifferenceOfAQuadraticAndALine() {
        Matrix x = Matrix.of(new double[][] {{2, 5}});
        Matrix grad = NumericalGradient.of(() -> x.data[0][0] * x.data[0][0] + 3 * x.data[0][1], x);
        assertThat(grad.data[0][0]).isCloseTo(4, within(1e-9));
        assertThat(grad.data[0][1]).isCloseTo(3, within(1e-9));
        assertThat(x.data[0]).containsExactly(2, 5);                          // restored
    }

    /** np.average(np.abs(a - b)) by hand: |1-2| + |-1-1| + |0.5-0.5| + |4-1| = 6, over 4 elements. */
    @Test
    void meanAbsDiffIsTheAverageOfTheAbsoluteDifferences() {
        Matrix a = Matrix.of(new double[][] {{1, -1}, {0.5, 4}});
        Matrix b = Matrix.of(new double[][] {{2, 1}, {0.5, 1}});
        assertThat(NumericalGradient.meanAbsDiff(a, b)).isEqualTo(1.5);
        assertThat(NumericalGradient.meanAbsDiff(b, a)).isEqualTo(1.5);
        assertThatThrownBy(() -> NumericalGradient.meanAbsDiff(a, Matrix.of(new double[][] {{1, 2}})))
                .hasMessage("meanAbsDiff: a is 2x2 but b is 1x2 (they must be equal)");
    }
}
