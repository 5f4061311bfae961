package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The §6.2 mains are registered with the launcher, in book order, and their options are checked. */
class WeightInitLauncherTest {
    @Test
    void section62RunsByDefaultInBookOrder() {
        String[] section = {"WeightInitZeroSymmetry", "WeightInitActivationHistogram", "WeightInitGradientFlow",
                "WeightInitCompare"};
        assertThat(Chapter6.EXPERIMENTS.keySet()).containsSubsequence(section);
        assertThat(Chapter6.experimentsFor(new String[0])).containsExactly(section);
    }

    @Test
    void badOptionsNameTheOptionAndTheAllowedRange() {
        assertThatThrownBy(() -> WeightInitCompare.main(new String[] {"--iterations", "5"}))
                .hasMessage("--iterations: 5 is out of range (allowed 11..1000000)");
        assertThatThrownBy(() -> WeightInitCompare.main(new String[] {"--seed", "x"}))
                .hasMessage("--seed: 'x' is not a whole number");
        assertThatThrownBy(() -> WeightInitActivationHistogram.main(new String[] {"--seed"}))
                .hasMessage("--seed: missing value (e.g. --seed 7)");
    }
}
