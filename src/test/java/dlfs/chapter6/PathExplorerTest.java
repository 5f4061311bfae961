package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.launch.Script;
import dlfs.optimizer.PathExplorer;
import dlfs.plot.Figure;
import dlfs.testing.Console;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window --show opens for the optimizer paths starts at the saved figure and cuts the paths at the step shown. */
class PathExplorerTest {
    @TempDir
    Path dir;

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private void assertStartsAtTheSavedFigure(Script script, String png, Map<String, Double> lr) throws Exception {
        Console.run(script, dir);
        Figure start = PathExplorer.figure(lr, 30);
        assertThat(pixels(start.image())).isEqualTo(pixels(ImageIO.read(dir.resolve(png).toFile())));
    }

    @Test
    void optimizerCompareNaive() throws Exception {
        assertStartsAtTheSavedFigure(OptimizerCompareNaive.SCRIPT, "optimizer_compare_naive.png",
                OptimizerCompareNaive.learningRates());
    }

    @Test
    void showOptimizerAdam() throws Exception {
        assertStartsAtTheSavedFigure(ShowOptimizerAdam.SCRIPT, "show_optimizer_adam.png", Map.of("Adam", 0.3));
    }

    @Test
    void earlierStepsAndOtherLearningRatesDrawOtherPaths() {
        Map<String, Double> lr = Map.of("SGD", 0.95);
        String all = PathExplorer.figure(lr, 30).describe();
        assertThat(PathExplorer.figure(lr, 5).describe()).isNotEqualTo(all).contains("update 5 of 30");
        assertThat(PathExplorer.figure(Map.of("SGD", 0.5), 30).describe()).isNotEqualTo(all);
    }
}
