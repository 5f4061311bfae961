package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Contour lines of a function with a path drawn over them, as in the book's optimizer_compare_naive.py
 * (§6.1.7, figure 6-8):
 *
 * <pre>
 * plt.plot(x_history, y_history, 'o-', color="red")   →  .path(xHistory, yHistory)
 * plt.contour(X, Y, Z)                                 →  .contours(new ContourLines(f, …), levels)
 * plt.ylim(-10, 10); plt.xlim(-10, 10)                 →  .range(-10, 10, -10, 10)
 * plt.plot(0, 0, '+')                                  →  .mark(0, 0)
 * plt.title(key); plt.xlabel("x"); plt.ylabel("y")     →  new ContourChart(key, "x", "y")
 * </pre>
 *
 * Each level gets its own colour from matplotlib's default colour map (viridis: low levels dark violet, high
 * levels yellow).
 */
public final class ContourChart {
    private static final Color PATH_RED = new Color(0xff0000);
    private static final Color MARK_BLUE = Style.color(0);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final XYSeriesCollection contours = new XYSeriesCollection();
    private final XYSeriesCollection path = new XYSeriesCollection();
    private final XYSeriesCollection marks = new XYSeriesCollection();
    private double xLo = Double.NaN, xHi, yLo, yHi;

    public ContourChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Fixes both axes (the book's {@code plt.xlim}, {@code plt.ylim}). */
    public ContourChart range(double xLo, double xHi, double yLo, double yHi) {
        if (!(xLo < xHi) || !(yLo < yHi)) {
            throw new IllegalArgumentException("ContourChart.range: x [" + xLo + ", " + xHi + "], y [" + yLo
                    + ", " + yHi + "] (need lo < hi on both axes)");
        }
        this.xLo = xLo;
        this.xHi = xHi;
        this.yLo = yLo;
        this.yHi = yHi;
        return this;
    }

    /** One series per level; the polylines of a level are separated by a NaN point, which breaks the line. */
    public ContourChart contours(ContourLines lines, double... levels) {
        for (double level : levels) {
            XYSeries series = new XYSeries("f = " + level, false, true);
            for (ContourLines.Line line : lines.at(level)) {
                for (int k = 0; k < line.x().length; k++) {
                    series.add(line.x()[k], line.y()[k]);
                }
                series.add(Double.NaN, Double.NaN);
            }
            contours.addSeries(series);
        }
        return this;
    }

    /** The path (x[k], y[k]) as a red line with a circle on every point (matplotlib's 'o-', color="red"). */
    public ContourChart path(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("ContourChart.path: x has " + x.length + " values but y has "
                    + y.length + " (they must match)");
        }
        XYSeries series = new XYSeries("path " + path.getSeriesCount(), false, true);
        for (int k = 0; k < x.length; k++) {
            series.add(x[k], y[k]);
        }
        path.addSeries(series);
        return this;
    }

    /** A '+' at (x, y), e.g. the minimum. */
    public ContourChart mark(double x, double y) {
        XYSeries series = new XYSeries("mark " + marks.getSeriesCount());
        series.add(x, y);
        marks.addSeries(series);
        return this;
    }

    public JFreeChart chart() {
        NumberAxis x = axis(xLabel);
        NumberAxis y = axis(yLabel);
        if (!Double.isNaN(xLo)) {
            x.setRange(xLo, xHi);
            y.setRange(yLo, yHi);
            x.setTickUnit(Axes.tickUnit(niceStep(xHi - xLo)));
            y.setTickUnit(Axes.tickUnit(niceStep(yHi - yLo)));
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        // REVERSE draws the highest index first: contours at the bottom, then the path, the mark on top
        plot.setDataset(0, marks);
        plot.setRenderer(0, markRenderer());
        plot.setDataset(1, path);
        plot.setRenderer(1, pathRenderer());
        plot.setDataset(2, contours);
        plot.setRenderer(2, contourRenderer());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        Style.plain(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, Style.TITLE_FONT, plot, false);
        Style.plain(chart);
        return chart;
    }

    private static NumberAxis axis(String label) {
        return Axes.linear(label);
    }

    /** 5 for a span of 20, as matplotlib's ticks at −10, −5, 0, 5, 10. */
    private static double niceStep(double span) {
        double raw = span / 4;
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * decade >= raw) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    private XYLineAndShapeRenderer contourRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int count = contours.getSeriesCount();
        for (int s = 0; s < count; s++) {
            renderer.setSeriesPaint(s, viridis(count == 1 ? 0.5 : (double) s / (count - 1)));
            renderer.setSeriesStroke(s, new BasicStroke(1.2f));
        }
        renderer.setDrawSeriesLineAsPath(true);
        return renderer;
    }

    private XYLineAndShapeRenderer pathRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        double r = 3.5;
        for (int s = 0; s < path.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PATH_RED);
            renderer.setSeriesStroke(s, new BasicStroke(1.5f));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        }
        return renderer;
    }

    private XYLineAndShapeRenderer markRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < marks.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, MARK_BLUE);
            renderer.setSeriesShape(s, ShapeUtils.createRegularCross(7f, 1f));
        }
        return renderer;
    }

    /** matplotlib's viridis colour map at t in [0, 1], interpolated between five of its colours. */
    static Color viridis(double t) {
        int[] stops = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
        double pos = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int k = Math.min((int) pos, stops.length - 2);
        double u = pos - k;
        Color a = new Color(stops[k]), b = new Color(stops[k + 1]);
        return new Color((int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
    }
}
