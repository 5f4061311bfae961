package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.chapter6.ActivationHistograms.Probe;
import dlfs.chapter6.ActivationHistograms.Setting;
import dlfs.chapter6.ActivationHistograms.Stats;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.Console;
import dlfs.testing.SystemProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer of §6.2: the book's settings give WeightInitActivationHistogram's histograms, headless it draws a frame. */
class WeightInitExplorerTest {
    @TempDir
    Path dir;

    @Test
    void theBooksSevenSettingsGiveTheScriptsHistograms() {
        for (Setting setting : ActivationHistograms.SETTINGS) {
            List<Matrix> script = WeightInitActivationHistogram.activations(setting, new Rng(0));
            Probe probe = Probe.run(setting, 5, 100, 0);
            assertThat(probe.layers()).hasSize(5);
            for (int i = 0; i < 5; i++) {
                Stats expected = Stats.of(script.get(i), setting.lo());
                assertThat(probe.layers().get(i).histogram().counts()).as("%s layer %d", setting.label(), i + 1)
                        .containsExactly(expected.histogram().counts());
                assertThat(probe.layers().get(i).mean()).isEqualTo(expected.mean());
            }
        }
    }

    @Test
    void gradientsShrinkTowardTheInputWithSigmoidAtStd1AndKeepTheirSizeWithReluHe() {
        double[] sigmoid = Probe.run(ActivationHistograms.SETTINGS.get(0), 5, 100, 0).meanAbsDW();
        double[] he = Probe.run(ActivationHistograms.SETTINGS.get(6), 5, 100, 0).meanAbsDW();
        for (int i = 0; i < 4; i++) {
            assertThat(sigmoid[i]).as("sigmoid σ = 1: layer %d gets less than the next", i + 1)
                    .isLessThan(sigmoid[i + 1]);
        }
        assertThat(sigmoid[0]).as("sigmoid σ = 1: W1 gets a fraction of W5's").isLessThan(sigmoid[4] / 3);
        for (int i = 1; i < 5; i++) {
            assertThat(he[i] / he[4]).as("ReLU He: layer %d", i + 1).isBetween(0.3, 3.0);
        }
    }

    @Test
    void itPrintsTheScriptsLinesForItsSettingsThenTheGradients() {
        String explorer = Console.run(WeightInitExplorer.SCRIPT, dir, "--activation", "relu", "--init", "he");
        String script = Console.run(WeightInitActivationHistogram.SCRIPT, dir, "--activation", "relu", "--init", "he");
        List<String> lines = explorer.lines().toList();
        assertThat(lines.subList(0, 5)).isEqualTo(script.lines().toList().subList(0, 5));
        assertThat(lines.get(5)).startsWith("relu He mean |dW| (layers 1-5): ");
    }

    @Test
    void headlessWithFramesItWritesItsWindowAsAFrameAndReturns() throws Exception {
        String old = System.getProperty("dlfs.frames");
        try {
            System.setProperty("dlfs.frames", dir.toString());
            Console.run(WeightInitExplorer.SCRIPT, dir, "--activation", "relu", "--init", "he", "--layers", "3");
        } finally {
            SystemProperties.restore("dlfs.frames", old);
        }
        Path frame = dir.resolve("frame-00001.png");
        assertThat(frame).exists();
        assertThat(ImageIO.read(frame.toFile()).getWidth()).isGreaterThan(900);   // controls and figure
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(1);
        }
    }

    @Test
    void initOutsideTheSlidersRangeIsRefused() {
        assertThatThrownBy(() -> WeightInitExplorer.SCRIPT.parse("--init", "100"))
                .hasMessageContaining("--init 100").hasMessageContaining("0.001 to 10");
        assertThatThrownBy(() -> WeightInitExplorer.SCRIPT.parse("--layers", "11")).hasMessageContaining("1..10");
    }
}
