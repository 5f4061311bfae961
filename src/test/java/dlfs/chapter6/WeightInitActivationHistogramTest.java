package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.chapter6.ActivationHistograms.Setting;
import dlfs.chapter6.ActivationHistograms.Stats;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.WeightInit;
import dlfs.testing.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The histogram statistics: what figures 6-10 to 6-14 show. */
class WeightInitActivationHistogramTest {
    private static List<Stats> stats(Activation activation, WeightInit init) {
        Setting setting = new Setting(activation, init);
        List<Stats> stats = new ArrayList<>();
        for (Matrix z : WeightInitActivationHistogram.activations(setting, new Rng(11))) {
            stats.add(Stats.of(z, setting.lo()));
        }
        assertThat(stats).hasSize(5);
        return stats;
    }

    @Test
    void sigmoidWithStd1PilesActivationsIntoTheFirstAndLastBins() {   // figure 6-10
        for (Stats s : stats(Activation.SIGMOID, WeightInit.std(1))) {
            assertThat(s.firstBin() + s.lastBin()).isGreaterThan(0.5);
            assertThat(s.firstBin()).isGreaterThan(0.15);
            assertThat(s.lastBin()).isGreaterThan(0.15);
        }
    }

    @Test
    void sigmoidWithStd001ConcentratesAtOneHalf() {   // figure 6-11
        List<Stats> stats = stats(Activation.SIGMOID, WeightInit.std(0.01));
        for (Stats s : stats) {
            assertThat(s.mean()).isCloseTo(0.5, within(0.01));
            assertThat(s.firstBin()).isZero();
            assertThat(s.lastBin()).isZero();
        }
        assertThat(stats.get(4).std()).isLessThan(0.02);
    }

    @Test
    void sigmoidWithXavierSpreadsWiderThanStd001() {   // figure 6-13
        List<Stats> xavier = stats(Activation.SIGMOID, WeightInit.XAVIER);
        List<Stats> small = stats(Activation.SIGMOID, WeightInit.std(0.01));
        for (int i = 0; i < 5; i++) {
            assertThat(xavier.get(i).std()).as("layer %d", i + 1).isGreaterThan(5 * small.get(i).std());
            assertThat(xavier.get(i).firstBin() + xavier.get(i).lastBin()).isLessThan(0.01);
        }
    }

    @Test
    void reluWithStd001CollapsesTowardZeroWithDepth() {   // figure 6-14, top
        List<Stats> stats = stats(Activation.RELU, WeightInit.std(0.01));
        for (int i = 1; i < 5; i++) {
            assertThat(stats.get(i).std()).as("layer %d", i + 1).isLessThan(0.2 * stats.get(i - 1).std());
        }
        assertThat(stats.get(4).firstBin()).isEqualTo(1.0);
    }

    @Test
    void reluWithHeKeepsTheSpreadAcrossLayers() {   // figure 6-14, bottom
        List<Stats> stats = stats(Activation.RELU, WeightInit.HE);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Stats s : stats) {
            min = Math.min(min, s.std());
            max = Math.max(max, s.std());
            assertThat(s.atZero()).isBetween(0.35, 0.65);
        }
        assertThat(max / min).isLessThan(1.5);
        List<Stats> xavier = stats(Activation.RELU, WeightInit.XAVIER);
        assertThat(xavier.get(4).std()).as("Xavier shrinks with depth").isLessThan(0.5 * xavier.get(0).std());
    }

    @Test
    void tanhWithXavierIsSymmetricAroundZero() {
        for (Stats s : stats(Activation.TANH, WeightInit.XAVIER)) {
            assertThat(s.mean()).isCloseTo(0, within(0.02));
            assertThat(s.firstBin()).isCloseTo(s.lastBin(), within(0.01));
        }
    }

    @Test
    void statsFollowNumpyOnAHandMadeMatrix() {
        // values 0, 0, 0.5, 1 (population std: sqrt(((−.375)²·2 + .125² + .625²)/4) = 0.41457809)
        Stats s = Stats.of(Matrix.of(new double[][] {{0, 0}, {0.5, 1}}), 0);
        assertThat(s.mean()).isEqualTo(0.375);
        assertThat(s.std()).isCloseTo(0.41457809, within(1e-8));
        assertThat(s.firstBin()).isEqualTo(0.5);
        assertThat(s.lastBin()).isEqualTo(0.25);
        assertThat(s.atZero()).isEqualTo(0.5);
    }

    @Test
    void printedLineGivesFourDecimals() {
        Setting setting = new Setting(Activation.SIGMOID, WeightInit.std(1));
        Stats s = new Stats(0.49871, 0.43119, 0.31012, 0.33249, 0, null);
        assertThat(s.line(setting.label(), 3))
                .isEqualTo("sigmoid std=1 layer 3: mean=0.4987 std=0.4312 first-bin=0.3101 last-bin=0.3325");
    }

    @Test
    void optionsPickSettingsAndNameTheirFigures() {
        assertThat(ActivationHistograms.chosen(null, null)).hasSize(7);
        assertThat(ActivationHistograms.chosen("relu", null)).hasSize(3);
        assertThat(ActivationHistograms.chosen("relu", "he")).extracting(Setting::fileSuffix).containsExactly("relu-he");
        assertThat(ActivationHistograms.chosen(null, "std0.01")).extracting(Setting::fileSuffix)
                .containsExactly("sigmoid-std0.01", "relu-std0.01");
        assertThat(ActivationHistograms.chosen("tanh", "he")).extracting(Setting::fileSuffix).containsExactly("tanh-he");
        assertThat(ActivationHistograms.SETTINGS).extracting(Setting::fileSuffix).containsExactly("sigmoid-std1",
                "sigmoid-std0.01", "sigmoid-xavier", "tanh-xavier", "relu-std0.01", "relu-xavier", "relu-he");
        assertThatThrownBy(() -> WeightInitActivationHistogram.SCRIPT.parse("--activation", "softplus"))
                .hasMessage("--activation softplus: Activation: 'softplus' is not one of relu, sigmoid, tanh");
    }

    @Test
    void sameSeedGivesTheSameLinesAndTheFigureIsWritten(@TempDir Path dir) {
        String[] args = {"--activation", "tanh", "--seed", "3"};
        String first = Console.run(() -> WeightInitActivationHistogram.main(args), dir);
        String second = Console.run(() -> WeightInitActivationHistogram.main(args), dir);
        assertThat(first).isEqualTo(second).contains("tanh Xavier layer 5: mean=");
        assertThat(dir.resolve("weight_init_activation_histogram-tanh-xavier-seed3-activationtanh.png")).exists();
        assertThat(dir.resolve("weight_init_activation_histogram-tanh-xavier.png"))
                .as("the figure of the default options stays as it is").doesNotExist();
    }
}
