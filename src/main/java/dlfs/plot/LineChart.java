package dlfs.plot;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Several series as lines, each with its own marker drawn every N points, a legend and axis labels: the
 * book's {@code plt.plot(x, y, marker=markers[key], markevery=100, label=key); plt.xlabel(…); plt.ylim(…);
 * plt.legend()}. A log y axis ({@link #logY}) is for values spanning decades, such as gradient sizes.
 *
 * <pre>
 * LineChart chart = new LineChart("iterations", "loss").yRange(0, 2.5).markEvery(100)
 *         .add("std=0.01", Smoothing.smoothCurve(loss)).add("He", …);
 * Figures.save(options, "weight_init_compare", chart.size(800, 560));
 * </pre>
 *
 * Each series takes the next colour of matplotlib's cycle unless {@link #color} says otherwise.
 */
public final class LineChart extends Chart {
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private String title;
    private double xLo = Double.NaN;
    private double xHi = Double.NaN;
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;
    private int markEvery = 1;
    private boolean logY;
    private double xTickUnit = Double.NaN;
    private boolean linesOnly;

    public LineChart(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart title(String title) {
        this.title = title;
        return this;
    }

    /** Fixes the y axis to [lo, hi] (the book's {@code plt.ylim(lo, hi)}). */
    public LineChart yRange(double lo, double hi) {
        yLo = checkRange("yRange", lo, hi);
        yHi = hi;
        return this;
    }

    /** Fixes the x axis to [lo, hi] (the book's {@code plt.xlim(lo, hi)}). */
    public LineChart xRange(double lo, double hi) {
        xLo = checkRange("xRange", lo, hi);
        xHi = hi;
        return this;
    }

    private static double checkRange(String method, double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("LineChart." + method + ": lo=" + lo + " must be < hi=" + hi);
        }
        return lo;
    }

    /** Draws a marker on points 0, n, 2n, … of each series (the book's {@code markevery=n}). */
    public LineChart markEvery(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("LineChart.markEvery: n=" + n + " must be >= 1");
        }
        markEvery = n;
        return this;
    }

    /** A logarithmic y axis (base 10); all values must then be > 0. */
    public LineChart logY() {
        logY = true;
        return this;
    }

    /** Puts x ticks at multiples of {@code unit} (e.g. 1 for layer numbers). */
    public LineChart xTickUnit(double unit) {
        xTickUnit = unit;
        return this;
    }

    /** A series y[0], y[1], … at x = 0, 1, … (the book's {@code x = np.arange(len(y))}). */
    public LineChart add(String label, double[] y) {
        return addSeries(label, arange(y.length), y, false);
    }

    /** {@link #add(String, double[])} for a list, as the book's Trainer keeps its accuracies (plt.plot takes lists). */
    public LineChart add(String label, List<Double> y) {
        return add(label, toArray(y));
    }

    /** A series of points (x[i], y[i]). */
    public LineChart add(String label, double[] x, double[] y) {
        return addSeries(label, x, y, false);
    }

    /** As {@link #add(String, double[])}, drawn dashed (the book's {@code linestyle="--"}). */
    public LineChart addDashed(String label, double[] y) {
        return addSeries(label, arange(y.length), y, true);
    }

    /** {@link #addDashed(String, double[])} for a list. */
    public LineChart addDashed(String label, List<Double> y) {
        return addDashed(label, toArray(y));
    }

    private static double[] toArray(List<Double> y) {
        return y.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Draws the series added last in {@code color}: the book's format strings, e.g. {@code plt.plot(x, y2, 'k--')}. */
    public LineChart color(Color color) {
        if (series.isEmpty()) {
            throw new IllegalStateException("LineChart.color: add a series first");
        }
        Series last = series.remove(series.size() - 1);
        series.add(new Series(last.label(), last.x(), last.y(), color, last.dashed()));
        return this;
    }

    /** Plain lines without markers (the book's {@code plt.plot(x, y)} with no marker), e.g. for grid panels. */
    public LineChart linesOnly() {
        linesOnly = true;
        return this;
    }

    /** A new chart with this one's settings and size but no series: what a live window draws its points on. */
    public LineChart settingsCopy() {
        LineChart copy = new LineChart(xLabel, yLabel);
        copy.title = title;
        copy.xLo = xLo;
        copy.xHi = xHi;
        copy.yLo = yLo;
        copy.yHi = yHi;
        copy.markEvery = markEvery;
        copy.logY = logY;
        copy.xTickUnit = xTickUnit;
        copy.linesOnly = linesOnly;
        copy.size(width(), height());
        return copy;
    }

    public String xLabel() {
        return xLabel;
    }

    /** A series of points (x[i], y[i]), drawn dashed if {@code dash}. */
    public LineChart addSeries(String label, double[] x, double[] y, boolean dash) {
        for (int i = 0; logY && i < y.length; i++) {
            if (!(y[i] > 0)) {
                throw new IllegalArgumentException("LineChart.add '" + label + "': y[" + i + "] = " + y[i]
                        + " cannot be drawn on a log axis (must be > 0)");
            }
        }
        series.add(new Series(label, x, y, Style.color(series.size()), dash));
        return this;
    }

    private static double[] arange(int n) {
        return IntStream.range(0, n).asDoubleStream().toArray();
    }

    @Override
    void describe(Description d) {
        d.put("LineChart", title, xLabel, yLabel).put("yRange", yLo, yHi).put("xTickUnit", xTickUnit)
                .put("logY", logY).put("markEvery", linesOnly ? 0 : markEvery);
        if (!Double.isNaN(xLo)) {
            d.put("xRange", xLo, xHi);                  // only when set, so the figures without it keep their fingerprint
        }
        for (Series s : series) {
            s.describe(d);
        }
    }

    @Override
    JFreeChart chart() {
        NumberAxis x = Axes.linear(xLabel);
        if (!Double.isNaN(xTickUnit)) {
            x.setTickUnit(Axes.tickUnit(xTickUnit));
        }
        if (!Double.isNaN(xLo)) {
            x.setRange(xLo, xHi);
        }
        XYPlot plot = new XYPlot(dataset(series), x, yAxis(), renderer());
        Style.plain(plot);
        JFreeChart chart = Style.chart(title, plot);
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(Style.LEGEND_FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(6, 0, 0, 0));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        chart.addLegend(legend);
        return chart;
    }

    private ValueAxis yAxis() {
        ValueAxis y = logY ? Axes.log(yLabel) : Axes.linear(yLabel);
        if (!Double.isNaN(yLo)) {
            y.setRange(yLo, yHi);
        }
        return y;
    }

    private XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, !linesOnly) {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                return super.getItemShapeVisible(series, item) && item % markEvery == 0;   // markevery
            }
        };
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, series.get(s).color());
            renderer.setSeriesShape(s, Style.marker(s));
            renderer.setSeriesStroke(s, Style.line(series.get(s).dashed()));
        }
        renderer.setDrawSeriesLineAsPath(true);                 // one path per series, so the dashes run on
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));  // long enough to show a dash
        return renderer;
    }
}
