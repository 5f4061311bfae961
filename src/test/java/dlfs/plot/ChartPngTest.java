package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
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
        BufferedImage image = save(row.size(900, 300));
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
        BufferedImage image = save(linear);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(countPixels(image, Style.color(0).getRGB()) + countPixels(image, Style.color(1).getRGB()))
                .as("line pixels").isGreaterThan(300);
        BufferedImage log = save(new LineChart("layer", "mean |dW|").logY().add("c", new double[] {1e-8, 1e-3, 1}).size(400, 300));
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
        String fromLists = new LineChart("epochs", "accuracy").add("train", List.of(0.1, 0.5, 0.75))
                .addDashed("test", List.of(0.1, 0.4, 0.6)).describe();
        String fromArrays = new LineChart("epochs", "accuracy").add("train", new double[] {0.1, 0.5, 0.75})
                .addDashed("test", new double[] {0.1, 0.4, 0.6}).describe();
        String otherValue = new LineChart("epochs", "accuracy").add("train", new double[] {0.1, 0.5, 0.7})
                .addDashed("test", new double[] {0.1, 0.4, 0.6}).describe();
        assertThat(fromLists).isEqualTo(fromArrays).isNotEqualTo(otherValue);
    }

    /** A series drawn in a colour of its own shows in that colour (ch03's 'k--' is black and dashed). */
    @Test
    void aSeriesIsDrawnInTheColourItWasGiven() throws IOException {
        double[] y = {0, 1, 2, 3};
        BufferedImage image = save(new LineChart("x", "y").linesOnly().add("s", y).color(new Color(0x00aa00))
                .size(300, 200));
        assertThat(countPixels(image, 0x00aa00)).as("green line pixels").isGreaterThan(50);
        assertThat(countPixels(image, Style.color(0).getRGB())).as("the cycle's blue").isZero();
    }

    @Test
    void theSavedImageIsTheFiguresImage() throws IOException {
        Figure figure = new LineChart("x", "y").title("same").add("s", new double[] {3, 1, 2}).size(300, 200);
        BufferedImage saved = save(figure), drawn = figure.image();
        for (int y = 0; y < drawn.getHeight(); y += 7) {
            for (int x = 0; x < drawn.getWidth(); x += 7) {
                assertThat(saved.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(drawn.getRGB(x, y));
            }
        }
    }

    private BufferedImage save(Figure figure) throws IOException {
        Path png = PngFiles.save(figure, dir.resolve("chart.png"));
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
