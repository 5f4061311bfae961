package dlfs.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SmoothingTest {
    @Test
    void kaiserWindowOfLength11IsSymmetricWithItsPeakAtTheCentre() {
        double[] w = Smoothing.kaiser(11, 2);
        assertThat(w).hasSize(11);
        for (int n = 0; n < 11; n++) {
            assertThat(w[n]).as("w[%d] vs w[%d]", n, 10 - n).isEqualTo(w[10 - n]);
        }
        assertThat(w[5]).isEqualTo(1.0);
        for (int n = 0; n < 5; n++) {
            assertThat(w[n]).as("rising towards the centre at %d", n).isLessThan(w[n + 1]);
        }
    }

    @Test
    void besselI0OfTwoMatchesItsSeriesSummedByHand() {
        // I0(2) = Σ (1/k!)² = 1 + 1 + 1/4 + 1/36 + 1/576 + 1/14400 + 1/518400 + … = 2.2795853
        assertThat(Smoothing.besselI0(2)).isCloseTo(2.2795853, within(1e-7));
        assertThat(Smoothing.besselI0(0)).isEqualTo(1.0);
        // so the window's ends are 1 / I0(2)
        assertThat(Smoothing.kaiser(11, 2)[0]).isCloseTo(1 / 2.2795853, within(1e-7));
    }

    @Test
    void kaiserMatchesNumpy() {   // src/test/resources/reference/smooth_curve.py
        assertThat(Smoothing.kaiser(11, 2)).containsExactly(new double[] {0.43867628, 0.61139435, 0.767675,
                0.89216143, 0.9723298, 1.0, 0.9723298, 0.89216143, 0.767675, 0.61139435, 0.43867628},
                within(1e-8));
    }

    @Test
    void smoothingAConstantReturnsIt() {
        double[] x = new double[50];
        Arrays.fill(x, 2.302585);
        assertThat(Smoothing.smoothCurve(x)).containsExactly(x, within(1e-12));
    }

    @Test
    void anImpulseInTheMiddleComesOutAsTheNormalisedWindow() {
        // x = 0 … 0 1 0 … 0 (n = 21, the 1 at index 10): no padding reaches it, so y[5..15] = w / Σw, 0 elsewhere
        double[] x = new double[21];
        x[10] = 1;
        double[] y = Smoothing.smoothCurve(x);
        double[] w = Smoothing.kaiser(11, 2);
        double total = Arrays.stream(w).sum();
        for (int i = 0; i < 21; i++) {
            double expected = i >= 5 && i <= 15 ? w[i - 5] / total : 0;
            assertThat(y[i]).as("y[%d]", i).isCloseTo(expected, within(1e-15));
        }
        assertThat(y[5] / y[10]).isCloseTo(1 / 2.2795853, within(1e-7));   // the hand value above
    }

    @Test
    void reflectPaddingAtBothEndsMatchesNumpy() {   // src/test/resources/reference/smooth_curve.py
        double[] x = {0, 1, 4, 2, 2, 4, 1, 0, 1, 4, 2, 2, 4};
        assertThat(Smoothing.smoothCurve(x)).containsExactly(new double[] {2.16482702, 2.05108522, 1.96952159,
                1.89697968, 1.89697968, 1.96952159, 2.05108522, 2.16482702, 2.20842074, 2.29369448, 2.37094734,
                2.47361233, 2.5709116}, within(1e-8));
    }

    @Test
    void outputLengthEqualsInputLength() {
        for (int n : new int[] {11, 12, 100, 2000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.sin(i) + i * 0.01;
            }
            assertThat(Smoothing.smoothCurve(x)).as("n=%d", n).hasSize(n);
        }
    }

    @Test
    void smoothingKeepsTheLevelOfANoisyLineButShrinksItsNoise() {
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.0 + (i % 2 == 0 ? 0.5 : -0.5);
        }
        double[] y = Smoothing.smoothCurve(x);
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).as("y[%d]", i).isCloseTo(1.0, withinPercentage(10));
        }
    }

    @Test
    void aSeriesShorterThanTheWindowIsRefused() {
        assertThatThrownBy(() -> Smoothing.smoothCurve(new double[10]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smoothCurve: x has 10 values but needs at least 11");
    }
}
