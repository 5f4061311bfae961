package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.testing.SystemProperties;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Marching squares on f(x, y) = x²/20 + y², whose level sets are the ellipses x²/(20c) + y²/c = 1. */
class ContourLinesTest {
    private static final DoubleBinaryOperator F = (x, y) -> x * x / 20 + y * y;

    @TempDir
    Path dir;

    @Test
    void everyPointOfADrawnLineLiesOnItsLevel() {
        ContourLines lines = new ContourLines(F, -10, 10, -10, 10, 201);   // h = 0.1
        for (double level : new double[] {0.3, 1, 2, 4.5, 7}) {
            List<ContourLines.Line> drawn = lines.at(level);
            assertThat(drawn).as("level %s", level).isNotEmpty();
            int points = 0;
            for (ContourLines.Line line : drawn) {
                for (int k = 0; k < line.x().length; k++) {
                    // linear interpolation along an edge of length h errs by at most h²·|f''|/8 = 0.01·2/8
                    assertThat(F.applyAsDouble(line.x()[k], line.y()[k])).as("level %s point %d", level, k)
                            .isCloseTo(level, within(0.0025));
                    points++;
                }
            }
            assertThat(points).as("level %s", level).isGreaterThan(20);
        }
    }

    @Test
    void anEllipseInsideTheBoxIsOneClosedLineReachingItsSemiAxes() {
        ContourLines lines = new ContourLines(F, -10, 10, -10, 10, 201);
        List<ContourLines.Line> drawn = lines.at(1);   // x²/20 + y² = 1: semi-axes √20 = 4.472 and 1
        assertThat(drawn).hasSize(1);
        ContourLines.Line line = drawn.get(0);
        assertThat(line.closed()).isTrue();
        int last = line.x().length - 1;
        assertThat(line.x()[last]).isEqualTo(line.x()[0]);
        assertThat(line.y()[last]).isEqualTo(line.y()[0]);
        assertThat(max(line.x())).isCloseTo(Math.sqrt(20), within(0.01));
        assertThat(-min(line.x())).isCloseTo(Math.sqrt(20), within(0.01));
        assertThat(max(line.y())).isCloseTo(1, within(0.01));
        assertThat(-min(line.y())).isCloseTo(1, within(0.01));
    }

    @Test
    void anEllipseCutByTheBoxGivesTwoOpenArcs() {
        ContourLines lines = new ContourLines(F, -10, 10, -10, 10, 201);
        List<ContourLines.Line> drawn = lines.at(7);   // semi-axis √140 = 11.8 > 10: cut at x = ±10
        assertThat(drawn).hasSize(2);
        for (ContourLines.Line line : drawn) {
            assertThat(line.closed()).isFalse();
            assertThat(Math.abs(line.x()[0])).isCloseTo(10, within(1e-9));
            assertThat(Math.abs(line.x()[line.x().length - 1])).isCloseTo(10, within(1e-9));
        }
    }

    @Test
    void aSaddleGivesBothBranchesOfTheHyperbola() {
        // x² − y² = 1 is two branches, x ≥ 1 and x ≤ −1; the level 0 is the two diagonals crossing at a saddle
        ContourLines lines = new ContourLines((x, y) -> x * x - y * y, -3, 3, -3, 3, 61);
        List<ContourLines.Line> branches = lines.at(1);
        assertThat(branches).hasSize(2);
        for (ContourLines.Line line : branches) {
            double sign = Math.signum(line.x()[0]);
            for (int k = 0; k < line.x().length; k++) {
                assertThat(line.x()[k] * sign).isGreaterThanOrEqualTo(1 - 1e-9);
                assertThat(line.x()[k] * line.x()[k] - line.y()[k] * line.y()[k]).isCloseTo(1, within(0.01));
            }
        }
        for (ContourLines.Line line : lines.at(0.05)) {
            for (int k = 0; k < line.x().length; k++) {
                assertThat(line.x()[k] * line.x()[k] - line.y()[k] * line.y()[k]).isCloseTo(0.05, within(0.01));
            }
        }
    }

    @Test
    void aLevelNotReachedGivesNoLine() {
        assertThat(new ContourLines(F, -10, 10, -10, 10, 21).at(-1)).isEmpty();
        assertThat(new ContourLines(F, -1, 1, -1, 1, 21).at(500)).isEmpty();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new ContourLines(F, 1, -1, 0, 1, 10))
                .hasMessageContaining("(need xMin < xMax and yMin < yMax)");
        assertThatThrownBy(() -> new ContourLines(F, -1, 1, -1, 1, 1))
                .hasMessage("ContourLines: n=1 grid points per side must be >= 2");
        assertThatThrownBy(() -> new ContourLines(F, -1, 1, -1, 1, 5).at(Double.NaN))
                .hasMessage("ContourLines.at: level=NaN must be finite");
    }

    @Test
    void aGridOfContourChartsDrawsContoursThePathAndTheMark() throws IOException {
        ContourLines lines = new ContourLines(F, -10, 10, -10, 10, 101);
        ContourChart chart = new ContourChart("SGD", "x", "y").range(-10, 10, -10, 10).contours(lines, 1, 2, 3)
                .path(new double[] {-7, -3, 0}, new double[] {2, -1, 0}).mark(0, 0);
        ChartGrid grid = new ChartGrid(2, 300, 250).add(chart).add(chart).add(chart);
        assertThat(grid.rows()).isEqualTo(2);
        BufferedImage image = grid.image();
        assertThat(image.getWidth()).isEqualTo(600 + 2 * ChartGrid.MARGIN);
        assertThat(image.getHeight()).isEqualTo(500 + 2 * ChartGrid.MARGIN);
        assertThat(countPixels(image, Color.RED)).as("red path pixels").isGreaterThan(3 * 50);
        assertThat(countPixels(image, ContourChart.viridis(0))).as("lowest contour pixels (antialiased: few exact)").isGreaterThan(30);
        assertThat(countPixels(image, ContourChart.viridis(1))).as("highest contour pixels").isGreaterThan(30);
        int fourthPanelRed = countPixels(image.getSubimage(ChartGrid.MARGIN + 300, ChartGrid.MARGIN + 250, 300, 250), Color.RED);
        assertThat(fourthPanelRed).as("the empty fourth cell").isZero();

        String old = System.getProperty("dlfs.figures");
        System.setProperty("dlfs.figures", dir.toString());
        try {
            Path png = PngFiles.save(grid, "grid");
            assertThat(png).isEqualTo(dir.resolve("grid.png").toAbsolutePath());
            assertThat(dir.toFile().list()).as("no temporary file left behind").containsExactly("grid.png");
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(600 + 2 * ChartGrid.MARGIN);
        } finally {
            SystemProperties.restore("dlfs.figures", old);
        }
    }

    @Test
    void viridisRunsFromDarkVioletToYellow() {
        assertThat(ContourChart.viridis(0)).isEqualTo(new Color(0x440154));
        assertThat(ContourChart.viridis(1)).isEqualTo(new Color(0xfde725));
        assertThat(ContourChart.viridis(0.5)).isEqualTo(new Color(0x21918c));
    }

    private static int countPixels(BufferedImage image, Color color) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }
}
