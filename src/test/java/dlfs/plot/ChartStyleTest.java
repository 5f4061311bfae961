package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** Ticks and grid layout read like matplotlib's figures: round steps, few labels, one format per axis, margins. */
class ChartStyleTest {
    @Test
    void tickStepsAreMatplotlibsRoundSteps() {
        assertThat(Axes.roundStep(0, 1, 9)).isEqualTo(0.2);          // 0.1 would need 10 intervals
        assertThat(Axes.roundStep(0, 2.5, 9)).isEqualTo(0.5);
        assertThat(Axes.roundStep(0, 2000, 9)).isEqualTo(250);        // the book's 0, 250, …, 2000
        assertThat(Axes.roundStep(0, 7000, 9)).isEqualTo(1000);
        assertThat(Axes.roundStep(-10, 10, 4)).isEqualTo(5);
        assertThat(Axes.roundStep(0, 1, 2)).isEqualTo(0.5);
    }

    @Test
    void everyLabelOfAnAxisHasTheSameDecimalsAndNoThousandsSeparator() {
        assertThat(labels(0.5, 2.5, 2.0, 1.5, 0)).containsExactly("2.5", "2.0", "1.5", "0.0");
        assertThat(labels(0.25, 0, 0.25, 1)).containsExactly("0.00", "0.25", "1.00");
        assertThat(labels(1000, 7000, 1000)).containsExactly("7000", "1000");
        assertThat(labels(0.2, -1e-17)).as("zero up to rounding, not -0.0").containsExactly("0.0");
        assertThat(labels(250, 1750)).containsExactly("1750");
    }

    private static List<String> labels(double step, double... values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(Axes.tickUnit(step).valueToString(v));
        }
        return out;
    }

    @Test
    void anAccuracyAxisFrom0To1On640x480Gets6LabelsNot21() {
        JFreeChart chart = new LineChart("epochs", "accuracy").yRange(0, 1).markEvery(10)
                .add("train", new double[301]).add("test", new double[301]).chart();
        draw(chart, 640, 480);
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        assertThat(y.getTickUnit().getSize()).as("y step").isEqualTo(0.2);
        assertThat(y.getTickUnit().valueToString(1)).isEqualTo("1.0");
        assertThat(x.getTickUnit().getSize()).as("x step over 0..300").isEqualTo(50);
    }

    @Test
    void logAxisLabelsAreWrittenLike1eMinus3InTheFullTickFont() {
        assertThat(Axes.decade(1e-3)).isEqualTo("1e-3");
        assertThat(Axes.decade(1)).isEqualTo("1e0");
        assertThat(Axes.decade(100)).isEqualTo("1e2");
        LogAxis axis = Axes.log("mean |dW|");
        axis.setRange(1e-8, 1);
        Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<String> labels = new ArrayList<>();
        for (Object t : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 600, 400), RectangleEdge.LEFT)) {
            if (t instanceof LogTick && ((LogTick) t).getTickType() == TickType.MAJOR) {
                AttributedCharacterIterator it = ((LogTick) t).getAttributedLabel().getIterator();
                StringBuilder text = new StringBuilder();
                for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
                    assertThat(it.getAttribute(TextAttribute.SUPERSCRIPT)).as("superscript").isNull();
                    assertThat(it.getAttribute(TextAttribute.SIZE)).as("size").isEqualTo(Style.TICK_FONT.getSize2D());
                    text.append(c);
                }
                labels.add(text.toString());
            }
        }
        g2.dispose();
        assertThat(labels).contains("1e-8", "1e-3", "1e0").doesNotContain("");
    }

    @Test
    void aGridWithSharedAxesLabelsTheOuterPanelsAndLeavesAMarginAllRound() {
        ChartGrid grid = new ChartGrid(5, 260, 200).title("best trials").sharedAxes().sharedLegend();
        for (int k = 0; k < 20; k++) {
            grid.add(new LineChart("epochs", "accuracy").title("Best-" + (k + 1)).yRange(0, 1).linesOnly()
                    .add("validation", new double[] {0.1, 0.5, 0.7}).addDashed("train", new double[] {0.1, 0.6, 0.8}));
        }
        List<JFreeChart> panels = grid.charts();
        BufferedImage image = grid.image(panels);
        for (int k = 0; k < 20; k++) {
            NumberAxis x = (NumberAxis) panels.get(k).getXYPlot().getDomainAxis();
            NumberAxis y = (NumberAxis) panels.get(k).getXYPlot().getRangeAxis();
            assertThat(x.isTickLabelsVisible()).as("x labels of panel " + k).isEqualTo(k >= 15);
            assertThat(x.getLabel()).as("x axis label of panel " + k).isEqualTo(k >= 15 ? "epochs" : null);
            assertThat(y.isTickLabelsVisible()).as("y labels of panel " + k).isEqualTo(k % 5 == 0);
            assertThat(y.getTickUnit().getSize()).as("y step of panel " + k + " (0.1 would be 11 labels)").isGreaterThanOrEqualTo(0.2);
            assertThat(panels.get(k).getLegend()).as("legend of panel " + k + " (one legend under the grid)").isNull();
        }
        assertThat(whiteRows(image, image.getHeight() - ChartGrid.MARGIN, image.getHeight())).as("bottom margin").isTrue();
        assertThat(whiteColumns(image, image.getWidth() - ChartGrid.MARGIN, image.getWidth())).as("right margin").isTrue();
        assertThat(whiteRows(image, 0, 5)).as("top margin").isTrue();
        assertThat(image.getWidth()).as("the outer y labels widen the image").isGreaterThan(5 * 260 + 2 * ChartGrid.MARGIN);
    }

    private static void draw(JFreeChart chart, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
        g2.dispose();
    }

    private static boolean whiteRows(BufferedImage image, int from, int to) {
        for (int y = from; y < to; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean whiteColumns(BufferedImage image, int from, int to) {
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return false;
                }
            }
        }
        return true;
    }
}
