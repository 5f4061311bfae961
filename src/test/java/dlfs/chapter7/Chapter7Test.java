package dlfs.chapter7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dlfs.Book;
import dlfs.launch.Script;
import dlfs.testing.Console;
import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chapter 7's mains against the book's scripts run after {@code np.random.seed(0)}
 * (src/test/resources/reference/ch07_scripts.py printed the reference files), their figures, and the launcher.
 */
class Chapter7Test {
    private static final Path REFERENCE = ProjectDir.resolve("src/test/resources/reference");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e[-+]\\d+)?");

    @TempDir
    Path tmp;

    @Test
    @Tag("book")
    void trainConvnetOnTheScriptsSmallDataPrintsTheBooksLines() throws IOException {
        // the script's "if it takes too long" lines: x_train[:5000], x_test[:1000]; 2 epochs of 50 steps
        String out = Console.run(TrainConvnet.SCRIPT, tmp, "--data", "small", "--epochs", "2", "--params",
                tmp.resolve("params.pkl").toString());
        List<String> book = Files.readAllLines(REFERENCE.resolve("train_convnet_small.txt"));
        List<String> java = out.lines().toList();
        assertThat(book).hasSize(105);
        for (int i = 0; i < book.size(); i++) {
            if (book.get(i).startsWith("train loss:")) {                // within 1e-9 relative (they agree to 1e-15)
                double e = Double.parseDouble(book.get(i).substring(11));
                assertThat(java.get(i)).startsWith("train loss:");
                assertThat(Double.parseDouble(java.get(i).substring(11))).as("line %d", i + 1)
                        .isCloseTo(e, within(1e-9 * Math.abs(e)));
            } else {                                                    // epoch lines and accuracies: identical
                assertThat(java.get(i)).as("line %d", i + 1).isEqualTo(book.get(i));
            }
        }
        assertThat(java.get(105)).isEqualTo("params: " + tmp.resolve("params.pkl").toAbsolutePath());
        assertThat(tmp.resolve("params.pkl")).exists();
        assertThat(java.get(106)).startsWith("figure: " + tmp.toAbsolutePath() + "/train_convnet-epochs2-datasmall-params")
                .endsWith(".png");
    }

    @Test
    @Tag("book")
    void gradientCheckGivesNumpysNumbers() throws IOException {
        // each number is a mean of differences between two gradients, at the level of rounding errors: ours and
        // numpy's agree to about 1e-4 relative (the products add in other orders), far closer than asked here
        List<String> book = Files.readAllLines(REFERENCE.resolve("gradient_check.txt"));
        List<String> java = Console.run(GradientCheck.SCRIPT, tmp).lines().toList();
        assertThat(java).hasSameSizeAs(book);
        for (int i = 0; i < book.size(); i++) {
            String[] b = book.get(i).split(" "), j = java.get(i).split(" ");
            assertThat(j[0]).isEqualTo(b[0]);
            double e = Double.parseDouble(b[1]);
            assertThat(Double.parseDouble(j[1])).as(java.get(i)).isCloseTo(e, within(0.01 * e));
        }
    }

    @Test
    void visualizeFilterAndApplyFilterDrawTheBooksLearnedFilters() throws IOException {
        String out = Console.run(VisualizeFilter.SCRIPT, tmp) + Console.run(ApplyFilter.SCRIPT, tmp);
        assertThat(out).contains("figure: " + tmp.resolve("visualize_filter.png").toAbsolutePath(),
                "figure: " + tmp.resolve("apply_filter.png").toAbsolutePath());
        BufferedImage filters = ImageIO.read(tmp.resolve("visualize_filter.png").toFile());
        BufferedImage applied = ImageIO.read(tmp.resolve("apply_filter.png").toFile());
        // 2 grids of 8 columns of 50-pixel filters; 4 columns of filters beside their half-size cactus (123x164)
        assertThat(filters.getWidth()).isEqualTo(2 * (8 * 56 + 6));
        assertThat(applied.getWidth()).isEqualTo(4 * (40 + 4 + 123 + 8) + 8);
        assertThat(grays(filters)).as("gray levels in the filters").isGreaterThan(100);
        assertThat(grays(applied)).as("gray levels in the filtered images").isGreaterThan(200);
    }

    private static int grays(BufferedImage image) {
        Set<Integer> levels = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                levels.add(image.getRGB(x, y) & 0xff);
            }
        }
        return levels.size();
    }

    @Test
    void theLauncherKnowsChapter7ByNameFileNameAndSection() {
        assertThat(names("7")).containsExactly("GradientCheck", "TrainConvnet", "VisualizeFilter", "ApplyFilter");
        assertThat(names("7.6")).containsExactly("VisualizeFilter", "ApplyFilter");
        assertThat(names("ch07/gradient_check.py", "train_convnet.py", "apply_filter.py"))
                .containsExactly("GradientCheck", "TrainConvnet", "ApplyFilter");
        assertThat(names("all")).containsSubsequence("HyperparameterOptimization", "GradientCheck");
    }

    @Test
    void aWrongDataOrParamsOptionIsNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainConvnet.SCRIPT.parse("--data", "tiny"))
                .isInstanceOf(UserError.class).hasMessage("--data tiny: allowed: all, small");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VisualizeFilter.SCRIPT.parse("--params", "x.npy"))
                .hasMessage("--params x.npy: give a file name ending in .pkl");
        Matcher m = NUMBER.matcher(TrainConvnet.SCRIPT.help());
        assertThat(m.find()).isTrue();
        assertThat(TrainConvnet.SCRIPT.help()).startsWith("TrainConvnet - book §7.5 (ch07/train_convnet.py)");
    }

    private static List<String> names(String... selection) {
        return Book.LAUNCHER.select(selection).stream().map(Script::name).toList();
    }
}
