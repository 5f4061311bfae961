package dlfs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dlfs.matrix.Matrix;
import org.junit.jupiter.api.Test;

/** Known values from the book, §3.5 and §4.2, checked by an independent calculation. */
class FunctionsTest {
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
