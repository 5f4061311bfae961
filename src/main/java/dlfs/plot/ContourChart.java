package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;

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
public final class ContourChart extends Chart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> contours = new ArrayList<>();
    private final List<Series> paths = new ArrayList<>();
    private final List<Series> marks = new ArrayList<>();
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

    /**
     * One series per level, coloured from low to high along viridis; the polylines of a level are separated by a
     * NaN point, which breaks the line.
     */
    public ContourChart contours(ContourLines lines, double... levels) {
        for (int s = 0; s < levels.length; s++) {
            List<ContourLines.Line> at = lines.at(levels[s]);
            Color color = viridis(levels.length == 1 ? 0.5 : (double) s / (levels.length - 1));
            contours.add(new Series("f = " + levels[s], joined(at, ContourLines.Line::x),
                    joined(at, ContourLines.Line::y), color, false));
        }
        return this;
    }

    /** The coordinates of every line, each line followed by a NaN. */
    private static double[] joined(List<ContourLines.Line> lines, Function<ContourLines.Line, double[]> coordinate) {
        return lines.stream().flatMapToDouble(line -> DoubleStream.concat(Arrays.stream(coordinate.apply(line)),
                DoubleStream.of(Double.NaN))).toArray();
    }

    /** The path (x[k], y[k]) as a red line with a circle on every point (matplotlib's 'o-', color="red"). */
    public ContourChart path(double[] x, double[] y) {
        paths.add(new Series("path " + paths.size(), x, y, Color.RED, false));
        return this;
    }

    /** A '+' at (x, y) in the cycle's first colour, e.g. the minimum (the book's {@code plt.plot(0, 0, '+')}). */
    public ContourChart mark(double x, double y) {
        marks.add(new Series("mark " + marks.size(), new double[] {x}, new double[] {y}, Style.color(0), false));
        return this;
    }

    @Override
    void describe(Description d) {
        d.put("ContourChart", title, xLabel, yLabel).put("range", xLo, xHi, yLo, yHi);
        for (List<Series> layer : List.of(contours, paths, marks)) {
            for (Series s : layer) {
                s.describe(d);
            }
        }
    }

    @Override
    JFreeChart chart() {
        NumberAxis x = Axes.linear(xLabel);
        NumberAxis y = Axes.linear(yLabel);
        if (!Double.isNaN(xLo)) {
            x.setRange(xLo, xHi);
            y.setRange(yLo, yHi);
            x.setTickUnit(Axes.tickUnit(Axes.roundStep(xLo, xHi, 4)));   // −10, −5, 0, 5, 10 as matplotlib's
            y.setTickUnit(Axes.tickUnit(Axes.roundStep(yLo, yHi, 4)));
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        // REVERSE draws the highest index first: contours at the bottom, then the path, the mark on top
        plot.setDataset(0, dataset(marks));
        plot.setRenderer(0, renderer(marks, 0, ShapeUtils.createRegularCross(7f, 1f), false));
        plot.setDataset(1, dataset(paths));
        plot.setRenderer(1, renderer(paths, 1.5f, new Ellipse2D.Double(-3.5, -3.5, 7, 7), false));
        plot.setDataset(2, dataset(contours));
        plot.setRenderer(2, renderer(contours, 1.2f, null, true));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        Style.plain(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return Style.chart(title, plot);
    }

    /** Lines and/or shapes in each series' colour (matplotlib's '-', 'o-', '+'). */
    private static XYLineAndShapeRenderer renderer(List<Series> layer, float width, Shape shape, boolean asPath) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(width > 0, shape != null);
        for (int s = 0; s < layer.size(); s++) {
            renderer.setSeriesPaint(s, layer.get(s).color());
            if (width > 0) {
                renderer.setSeriesStroke(s, new BasicStroke(width));
            }
            if (shape != null) {
                renderer.setSeriesShape(s, shape);
            }
        }
        renderer.setDrawSeriesLineAsPath(asPath);
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
