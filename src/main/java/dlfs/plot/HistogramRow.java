package dlfs.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A row of histograms side by side, one panel per layer, as the book draws the activations of §6.2.2
 * (weight_init_activation_histogram.py: {@code plt.subplot(1, 5, i+1); plt.title(str(i+1) + "-layer");
 * plt.hist(a.flatten(), 30, range=(0,1))}). The panels share one y axis whose tick labels appear only on the
 * first panel (the book's {@code if i != 0: plt.yticks([], [])}).
 *
 * <pre>
 * HistogramRow row = new HistogramRow("sigmoid, std=1");
 * row.add("1-layer", Histogram.of(values, 30, 0, 1), null);   // optional note per panel, e.g. "at 0: 50%"
 * Figures.save(options, "…", row.yMax(7000).size(1100, 340));  // yMax clips tall bars (the book's plt.ylim)
 * </pre>
 */
public final class HistogramRow extends Chart {
    private final String title;
    private final List<Panel> panels = new ArrayList<>();
    private double yMax = Double.NaN;
    private String subtitle;

    public HistogramRow(String title) {
        this.title = title;
    }

    /** Adds a panel to the right of the others; {@code note} (may be null) is written in its top-right corner. */
    public HistogramRow add(String panelTitle, Histogram histogram, String note) {
        panels.add(new Panel(panelTitle, histogram, note));
        return this;
    }

    private record Panel(String title, Histogram h, String note) {
    }

    /** Fixes the y axis to [0, yMax]; taller bars are cut off at the top (the book's {@code plt.ylim(0, yMax)}). */
    public HistogramRow yMax(double yMax) {
        if (!(yMax > 0)) {
            throw new IllegalArgumentException("HistogramRow.yMax: yMax=" + yMax + " must be > 0");
        }
        this.yMax = yMax;
        return this;
    }

    /** A line of smaller text under the title, e.g. to say the y axis is clipped. */
    public HistogramRow subtitle(String subtitle) {
        this.subtitle = subtitle;
        return this;
    }

    @Override
    void describe(Description d) {
        d.put("HistogramRow", title, subtitle).put("yMax", yMax).put("bars", Style.color(0));
        for (Panel p : panels) {
            d.put("panel", p.title(), p.note(), p.h().lo(), p.h().hi()).put("counts", Arrays.toString(p.h().counts()));
        }
    }

    @Override
    JFreeChart chart() {
        if (panels.isEmpty()) {
            throw new IllegalStateException("HistogramRow '" + title + "': no panels added");
        }
        NumberAxis count = Axes.linear(null);
        count.setAutoRangeIncludesZero(true);
        if (!Double.isNaN(yMax)) {
            count.setRange(0, yMax);
        }
        CombinedRangeXYPlot row = new CombinedRangeXYPlot(count);
        row.setGap(30);
        for (Panel p : panels) {
            row.add(panel(p));
        }
        JFreeChart chart = Style.chart(title, row);
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, Style.LABEL_FONT));
        }
        return chart;
    }

    private static XYPlot panel(Panel p) {
        Histogram h = p.h();
        XYIntervalSeries bars = new XYIntervalSeries(p.title());
        for (int i = 0; i < h.bins(); i++) {
            double left = h.edges()[i], right = h.edges()[i + 1];
            bars.add((left + right) / 2, left, right, h.counts()[i], 0, h.counts()[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);

        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Style.color(0));
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);

        NumberAxis x = Axes.linear(null);
        x.setRange(h.lo(), h.hi());
        x.setTickUnit(Axes.tickUnit(Axes.roundStep(h.lo(), h.hi(), 2)));   // 0.0, 0.5, 1.0: clear of the next panel's
        XYPlot plot = new XYPlot(data, x, null, renderer);
        plot.setDomainAxis(1, titleAxis(p.title(), h));       // the panel's title, above it
        plot.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT);
        Style.plain(plot);
        if (p.note() != null) {
            TextTitle text = new TextTitle(p.note(), Style.TICK_FONT);
            text.setBackgroundPaint(new Color(255, 255, 255, 200));
            plot.addAnnotation(new XYTitleAnnotation(0.97, 0.97, text, RectangleAnchor.TOP_RIGHT));
        }
        return plot;
    }

    /** An axis with no ticks whose label is the panel title: JFreeChart subplots have no titles of their own. */
    private static NumberAxis titleAxis(String panelTitle, Histogram h) {
        NumberAxis top = new NumberAxis(panelTitle);
        top.setLabelFont(Style.LABEL_FONT);
        top.setLabelInsets(new RectangleInsets(2, 2, 4, 2));
        top.setRange(h.lo(), h.hi());
        top.setTickLabelsVisible(false);
        top.setTickMarksVisible(false);
        top.setAxisLineVisible(false);
        return top;
    }
}
