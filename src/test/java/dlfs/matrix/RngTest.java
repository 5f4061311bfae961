package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void sameSeedGivesSameNumbers() {
        assertThat(new Rng(42).randn(3, 4).data).isDeepEqualTo(new Rng(42).randn(3, 4).data);
        assertThat(new Rng(42).choice(1000, 20)).containsExactly(new Rng(42).choice(1000, 20));
        assertThat(new Rng(1).randn(2, 2).data).isNotEqualTo(new Rng(2).randn(2, 2).data);
    }

    @Test
    void randnHasMeanZeroAndUnitVariance() {
        Matrix x = new Rng(7).randn(200, 500);
        double mean = x.sum() / 100_000, var = x.sumOfSquares() / 100_000 - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.01));
        assertThat(var).isCloseTo(1, within(0.02));
    }

    @Test
    void choiceAndPermutationStayInRange() {
        Rng rng = new Rng(3);
        assertThat(java.util.Arrays.stream(rng.choice(10, 1000)).boxed().toList()).allMatch(i -> i >= 0 && i < 10).contains(0, 9);
        int[] p = rng.permutation(50);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(p).isNotEqualTo(sorted);
        assertThat(rng.uniform(-8, -4)).isBetween(-8.0, -4.0);
    }

    @Test
    void rejectsBadArguments() {
        Rng rng = new Rng(0);
        assertThatThrownBy(() -> rng.choice(0, 5)).hasMessageContaining("n=0 must be >= 1");
        assertThatThrownBy(() -> rng.uniform(2, 1)).hasMessage("uniform: low=2.0 must be < high=1.0");
    }
}
