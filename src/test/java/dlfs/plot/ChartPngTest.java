package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts render headless into PNGs of the asked size that actually show something. */
class ChartPngTest {
    @TempDir
    Path dir;

    @Test
    void theTestsRunHeadless() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void histogramRowWritesAVisiblePng() throws IOException {
        HistogramRow row = new HistogramRow("test row");
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 100) / 100.0;
        }
        for (int p = 1; p <= 5; p++) {
            row.add(p + "-layer", Histogram.of(values, 30, 0, 1), p == 1 ? "at 0: 1.0%" : null);
        }
        BufferedImage image = save(row.chart(), 900, 300);
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(countPixels(image, Style.color(0).getRGB())).as("blue bar pixels").isGreaterThan(5000);
    }

    @Test
    void lineChartWritesAVisiblePngAlsoOnALogAxis() throws IOException {
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = 2.3 * Math.exp(-i / 100.0);
        }
        LineChart linear = new LineChart("iterations", "loss").yRange(0, 2.5).markEvery(100).add("a", y).add("b", y.clone());
        BufferedImage image = save(linear.chart(), 640, 480);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(countPixels(image, Style.color(0).getRGB()) + countPixels(image, Style.color(1).getRGB()))
                .as("line pixels").isGreaterThan(300);
        BufferedImage log = save(new LineChart("layer", "mean |dW|").logY().add("c", new double[] {1e-8, 1e-3, 1}).chart(), 400, 300);
        assertThat(countPixels(log, Style.color(0).getRGB())).as("line pixels on the log chart").isGreaterThan(100);
    }

    @Test
    void aNonPositiveValueOnALogAxisIsRefused() {
        assertThatThrownBy(() -> new LineChart("x", "y").logY().add("s", new double[] {1, 0}))
                .hasMessageContaining("LineChart.add 's': y[1] = 0.0 cannot be drawn on a log axis");
    }

    /** The Trainer's accuracy lists plot as the same chart as arrays of the same values, solid and dashed. */
    @Test
    void aListIsDrawnAsTheArrayOfItsValues() {
        String fromLists = describe(new LineChart("epochs", "accuracy").add("train", List.of(0.1, 0.5, 0.75))
                .addDashed("test", List.of(0.1, 0.4, 0.6)).chart());
        String fromArrays = describe(new LineChart("epochs", "accuracy").add("train", new double[] {0.1, 0.5, 0.75})
                .addDashed("test", new double[] {0.1, 0.4, 0.6}).chart());
        String otherValue = describe(new LineChart("epochs", "accuracy").add("train", new double[] {0.1, 0.5, 0.7})
                .addDashed("test", new double[] {0.1, 0.4, 0.6}).chart());
        assertThat(fromLists).isEqualTo(fromArrays).isNotEqualTo(otherValue);
    }

    private static String describe(JFreeChart chart) {
        return ChartFingerprint.describe(chart, 640, 480);
    }

    private BufferedImage save(JFreeChart chart, int width, int height) throws IOException {
        Path png = PngFiles.save(chart, dir.resolve("chart.png"), width, height);
        assertThat(png).exists();
        assertThat(dir.toFile().list()).as("no temporary file left behind").containsExactly("chart.png");
        return ImageIO.read(png.toFile());
    }

    /** How many pixels have exactly this colour (bars and lines are drawn in the series colour). */
    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
