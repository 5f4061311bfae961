package dlfs.plot;

import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Several series as lines, each with its own marker drawn every N points, a legend and axis labels: the
 * book's {@code plt.plot(x, y, marker=markers[key], markevery=100, label=key); plt.xlabel(…); plt.ylim(…);
 * plt.legend()}. A log y axis ({@link #logY}) is for values spanning decades, such as gradient sizes.
 *
 * <pre>
 * JFreeChart chart = new LineChart("iterations", "loss").yRange(0, 2.5).markEvery(100)
 *         .add("std=0.01", Smoothing.smoothCurve(loss)).add("He", …).chart();
 * </pre>
 *
 * A panel of a {@link ChartGrid} is usually plain lines, one of them dashed (the book's
 * {@code plt.plot(x, a); plt.plot(x, b, linestyle="--")}):
 *
 * <pre>
 * new LineChart("epochs", "accuracy").title("W:0.0464").yRange(0, 1).linesOnly()
 *         .add("Batch Normalization", bnAcc).addDashed("Normal(without BatchNorm)", acc).chart();
 * </pre>
 */
public final class LineChart {
    private final String xLabel;
    private final String yLabel;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private String title;
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;
    private int markEvery = 1;
    private boolean logY;
    private double xTickUnit = Double.NaN;
    private double yTickUnit = Double.NaN;
    private boolean linesOnly;
    private final List<Boolean> dashed = new ArrayList<>();

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
        if (!(lo < hi)) {
            throw new IllegalArgumentException("LineChart.yRange: lo=" + lo + " must be < hi=" + hi);
        }
        yLo = lo;
        yHi = hi;
        return this;
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

    /** Puts y ticks at multiples of {@code unit} (e.g. 0.5 for a loss from 0 to 2.5); not for a log axis. */
    public LineChart yTickUnit(double unit) {
        yTickUnit = unit;
        return this;
    }

    /** A series y[0], y[1], … at x = 0, 1, … (the book's {@code x = np.arange(len(y))}). */
    public LineChart add(String label, double[] y) {
        return add(label, arange(y.length), y);
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
        double[] a = new double[y.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = y.get(i);
        }
        return a;
    }

    /** Plain lines without markers (the book's {@code plt.plot(x, y)} with no marker), e.g. for grid panels. */
    public LineChart linesOnly() {
        linesOnly = true;
        return this;
    }

    private LineChart addSeries(String label, double[] x, double[] y, boolean dash) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("LineChart.add '" + label + "': x has " + x.length
                    + " values but y has " + y.length + " (they must match)");
        }
        XYSeries series = new XYSeries(label, false, true);
        for (int i = 0; i < x.length; i++) {
            if (logY && !(y[i] > 0)) {
                throw new IllegalArgumentException("LineChart.add '" + label + "': y[" + i + "] = " + y[i]
                        + " cannot be drawn on a log axis (must be > 0)");
            }
            series.add(x[i], y[i]);
        }
        data.addSeries(series);
        dashed.add(dash);
        return this;
    }

    private static double[] arange(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    public JFreeChart chart() {
        NumberAxis x = Axes.linear(xLabel);
        if (!Double.isNaN(xTickUnit)) {
            x.setTickUnit(Axes.tickUnit(xTickUnit));
        }
        XYPlot plot = new XYPlot(data, x, yAxis(), renderer());
        Style.plain(plot);
        JFreeChart chart = new JFreeChart(title, Style.TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(Style.LEGEND_FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(6, 0, 0, 0));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        chart.addLegend(legend);
        Style.plain(chart);
        return chart;
    }

    private ValueAxis yAxis() {
        ValueAxis y;
        if (logY) {
            y = Axes.log(yLabel);
        } else {
            NumberAxis lin = Axes.linear(yLabel);
            if (!Double.isNaN(yTickUnit)) {
                lin.setTickUnit(Axes.tickUnit(yTickUnit));
            }
            y = lin;
        }
        if (!Double.isNaN(yLo)) {
            y.setRange(yLo, yHi);
        }
        return y;
    }

    private XYLineAndShapeRenderer renderer() {
        final int every = markEvery;
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, !linesOnly) {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                return super.getItemShapeVisible(series, item) && item % every == 0;   // markevery
            }
        };
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, Style.color(s));
            renderer.setSeriesShape(s, Style.marker(s));
            renderer.setSeriesStroke(s, dashed.get(s) ? Style.dashed() : Style.line());
        }
        renderer.setDrawSeriesLineAsPath(true);                 // one path per series, so the dashes run on
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));  // long enough to show a dash
        return renderer;
    }
}
