package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void binsAreHalfOpenExceptTheLastAndOutsideValuesAreNotCounted() {
        // numpy: np.histogram([0, 0.1, 0.25, 0.5, 0.99, 1.0, -0.1, 1.5], 4, range=(0, 1)) -> [2, 1, 1, 2]
        Histogram h = Histogram.of(new double[] {0, 0.1, 0.25, 0.5, 0.99, 1.0, -0.1, 1.5}, 4, 0, 1);
        assertThat(h.counts).containsExactly(2, 1, 1, 2);
        assertThat(h.total).isEqualTo(8);
        assertThat(h.fraction(0)).isCloseTo(0.25, within(1e-15));
        assertThat(h.left(1)).isEqualTo(0.25);
        assertThat(h.right(3)).isEqualTo(1.0);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Histogram.of(new double[1], 0, 0, 1)).hasMessageContaining("bins=0 must be >= 1");
        assertThatThrownBy(() -> Histogram.of(new double[1], 3, 1, 1)).hasMessageContaining("range (1.0, 1.0) needs lo < hi");
    }
}
