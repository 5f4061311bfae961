package dlfs.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;

/**
 * Several charts in a grid, filled row by row, saved as one figure: the book's {@code plt.subplot(rows, cols, idx)}
 * (e.g. the 2×2 panels of optimizer_compare_naive.py, the 4×4 of batch_norm_test.py). Each panel is a whole
 * chart with its own title and axes (JFreeChart's combined plots stack in one direction only).
 *
 * <pre>
 * ChartGrid grid = new ChartGrid(4, 330, 260).title("…").sharedAxes().sharedLegend();   // 4 columns of 330×260
 * grid.add(new LineChart("epochs", "accuracy").title("W:1.0").yRange(0, 1).linesOnly()
 *         .add("Batch Normalization", bnAcc).addDashed("Normal(without BatchNorm)", acc));
 * </pre>
 *
 * {@link #sharedAxes()} is matplotlib's {@code plt.subplots(sharex=True, sharey=True)}; the whole image is
 * (columns × panelWidth) × (rows × panelHeight) plus a margin, the title, outer tick labels and shared legend.
 */
public final class ChartGrid implements Figure {
    /** White margin around the whole grid, in pixels. */
    static final int MARGIN = 12;
    /** Space left of / under a shared axis whose labels are hidden (its tick marks). */
    private static final int INNER_AXIS_SPACE = 6;

    private final int cols;
    private final int panelWidth;
    private final int panelHeight;
    private final List<Chart> panels = new ArrayList<>();
    private String title;   // optional, drawn above all panels (the book's plt.suptitle)
    private boolean sharedAxes;
    private boolean sharedLegend;

    public ChartGrid(int cols, int panelWidth, int panelHeight) {
        if (cols < 1 || panelWidth < 1 || panelHeight < 1) {
            throw new IllegalArgumentException("ChartGrid: cols=" + cols + ", panelWidth=" + panelWidth
                    + ", panelHeight=" + panelHeight + " (all must be >= 1)");
        }
        this.cols = cols;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
    }

    /** A title above all panels (e.g. to say which line is which when the panels have no legend). */
    public ChartGrid title(String title) {
        this.title = title;
        return this;
    }

    /** The panels share their axes: y labels only in the left column, x labels at the bottom of each column. */
    public ChartGrid sharedAxes() {
        sharedAxes = true;
        return this;
    }

    /** One legend under the grid, from the first panel's series, instead of a legend in each panel. */
    public ChartGrid sharedLegend() {
        sharedLegend = true;
        return this;
    }

    /** Adds the next panel (left to right, then the next row); its own size is not used. */
    public ChartGrid add(Chart panel) {
        panels.add(panel);
        return this;
    }

    /** A new grid with this one's settings but no panels: what a live window fills panel by panel. */
    public ChartGrid settingsCopy() {
        ChartGrid copy = new ChartGrid(cols, panelWidth, panelHeight);
        copy.title = title;
        copy.sharedAxes = sharedAxes;
        copy.sharedLegend = sharedLegend;
        return copy;
    }

    public int rows() {
        return (panels.size() + cols - 1) / cols;
    }

    private boolean isLeft(int k) {
        return k % cols == 0;
    }

    /** No panel below it: the bottom row, or the row above an unfilled cell of the last row. */
    private boolean isBottom(int k) {
        return k + cols >= panels.size();
    }

    @Override
    public String describe() {
        Description d = new Description().put("ChartGrid", cols, panelWidth, panelHeight, title)
                .put("shared", sharedAxes, sharedLegend);
        for (Chart panel : panels) {
            panel.describe(d);
        }
        return d.toString();
    }

    /** Each panel's chart, built afresh, with the grid's fonts and padding and, for shared axes, outer labels only. */
    List<JFreeChart> charts() {
        if (panels.isEmpty()) {
            throw new IllegalStateException("ChartGrid: no charts added");
        }
        boolean small = panelWidth < Style.SMALL_PANEL_WIDTH;
        List<JFreeChart> charts = new ArrayList<>();
        for (int k = 0; k < panels.size(); k++) {
            JFreeChart chart = panels.get(k).chart();
            charts.add(chart);
            chart.setPadding(new RectangleInsets(4, 4, 4, 12));
            if (chart.getTitle() != null) {
                chart.getTitle().setFont(small ? Style.PANEL_TITLE_FONT : Style.TITLE_FONT);
                chart.getTitle().setPadding(new RectangleInsets(2, 2, 4, 2));
            }
            if (sharedLegend) {
                chart.removeLegend();
            }
            XYPlot plot = chart.getXYPlot();       // every Chart's plot is an XYPlot (HistogramRow's a combined one)
            for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
                axis.setTickLabelFont(small ? Style.PANEL_TICK_FONT : Style.TICK_FONT);
                axis.setLabelFont(small ? Style.PANEL_LABEL_FONT : Style.LABEL_FONT);
            }
            if (sharedAxes) {
                plot.getRangeAxis().setTickLabelsVisible(isLeft(k));
                plot.getDomainAxis().setTickLabelsVisible(isBottom(k));
                if (!isLeft(k)) {
                    plot.getRangeAxis().setLabel(null);
                }
                if (!isBottom(k)) {
                    plot.getDomainAxis().setLabel(null);
                }
            }
        }
        return charts;
    }

    /** Draws every panel into one image on white, with the margins, title and legend. */
    @Override
    public BufferedImage image() {
        return image(charts());
    }

    BufferedImage image(List<JFreeChart> charts) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();   // to measure text
        Layout layout = layout(scratch, charts);
        scratch.dispose();
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        draw(g2, layout, charts);
        g2.dispose();
        return image;
    }

    /** Where everything goes: column widths and row heights (outer ones wider for the shared labels). */
    private static final class Layout {
        int titleHeight, legendHeight, extraLeft, extraBottom, width, height;
        LegendTitle legend;
        Size2D legendSize;
    }

    private Layout layout(Graphics2D g2, List<JFreeChart> charts) {
        Layout l = new Layout();
        l.titleHeight = title == null ? 0 : g2.getFontMetrics(Style.TITLE_FONT).getHeight() + 10;
        if (sharedLegend) {
            l.legend = new LegendTitle(charts.get(0).getXYPlot());
            l.legend.setItemFont(panelWidth < Style.SMALL_PANEL_WIDTH ? Style.PANEL_LABEL_FONT : Style.LEGEND_FONT);
            l.legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
            l.legendSize = l.legend.arrange(g2, RectangleConstraint.NONE);
            l.legendHeight = (int) Math.ceil(l.legendSize.height) + 8;
        }
        if (sharedAxes) {
            fixAxisSpaces(g2, l, charts);
        }
        l.width = 2 * MARGIN + l.extraLeft + cols * panelWidth;
        l.height = 2 * MARGIN + l.titleHeight + rows() * panelHeight + l.extraBottom + l.legendHeight;
        return l;
    }

    /**
     * Gives every panel the same plot area: the left column reserves what its widest y labels need, the others
     * only tick marks; likewise for x at the bottom. The outer column and row are drawn that much larger.
     */
    private void fixAxisSpaces(Graphics2D g2, Layout l, List<JFreeChart> charts) {
        double left = INNER_AXIS_SPACE, bottom = INNER_AXIS_SPACE;
        Rectangle2D plotArea = new Rectangle2D.Double(0, 0, panelWidth, panelHeight);
        for (int k = 0; k < charts.size(); k++) {
            XYPlot plot = charts.get(k).getXYPlot();
            if (isLeft(k)) {
                left = Math.max(left, plot.getRangeAxis().reserveSpace(g2, plot, plotArea, RectangleEdge.LEFT,
                        new AxisSpace()).getLeft() + 4);     // + 4: the final plot area differs a little
            }
            if (isBottom(k)) {
                bottom = Math.max(bottom, plot.getDomainAxis().reserveSpace(g2, plot, plotArea, RectangleEdge.BOTTOM,
                        new AxisSpace()).getBottom() + 2);
            }
        }
        for (int k = 0; k < charts.size(); k++) {
            AxisSpace range = new AxisSpace();
            range.setLeft(isLeft(k) ? left : INNER_AXIS_SPACE);
            AxisSpace domain = new AxisSpace();
            domain.setBottom(isBottom(k) ? bottom : INNER_AXIS_SPACE);
            charts.get(k).getXYPlot().setFixedRangeAxisSpace(range, false);
            charts.get(k).getXYPlot().setFixedDomainAxisSpace(domain, false);
        }
        l.extraLeft = (int) Math.ceil(left) - INNER_AXIS_SPACE;
        l.extraBottom = (int) Math.ceil(bottom) - INNER_AXIS_SPACE;
    }

    private void draw(Graphics2D g2, Layout l, List<JFreeChart> charts) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, l.width, l.height);
        if (title != null) {
            g2.setColor(Color.BLACK);
            g2.setFont(Style.TITLE_FONT);
            FontMetrics m = g2.getFontMetrics();
            g2.drawString(title, (l.width - m.stringWidth(title)) / 2f, MARGIN + m.getAscent());
        }
        for (int k = 0; k < charts.size(); k++) {
            int row = k / cols, col = k % cols;
            double x = MARGIN + (col == 0 ? 0 : l.extraLeft + col * panelWidth);
            double y = MARGIN + l.titleHeight + row * panelHeight;
            double w = panelWidth + (col == 0 ? l.extraLeft : 0);
            double h = panelHeight + (isBottom(k) ? l.extraBottom : 0);
            charts.get(k).draw(g2, new Rectangle2D.Double(x, y, w, h));
        }
        if (l.legend != null) {
            double y = MARGIN + l.titleHeight + rows() * panelHeight + l.extraBottom + 8;
            double x = (l.width - l.legendSize.width) / 2;
            l.legend.draw(g2, new Rectangle2D.Double(x, y, l.legendSize.width, l.legendSize.height));
        }
    }
}
