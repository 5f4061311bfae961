package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;

/**
 * Several charts in a grid, filled row by row, saved as one PNG: the book's {@code plt.subplot(rows, cols, idx)}
 * (e.g. the 2×2 panels of optimizer_compare_naive.py). JFreeChart's combined plots share an axis and stack in
 * one direction only, so each panel here is a whole chart with its own title and axes.
 *
 * <pre>
 * ChartGrid grid = new ChartGrid(2, 500, 400);   // 2 columns, each panel 500×400 pixels
 * grid.add(chartSgd).add(chartMomentum).add(chartAdaGrad).add(chartAdam);
 * Path png = grid.save("optimizer_compare_naive");
 * </pre>
 */
public final class ChartGrid {
    private final int cols;
    private final int panelWidth;
    private final int panelHeight;
    private final List<JFreeChart> charts = new ArrayList<>();
    private String title;   // optional, drawn above all panels (the book's plt.suptitle)

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

    /** Adds the next panel (left to right, then the next row). */
    public ChartGrid add(JFreeChart chart) {
        charts.add(chart);
        return this;
    }

    public int rows() {
        return (charts.size() + cols - 1) / cols;
    }

    /** Draws every panel into one image, (cols·panelWidth) × (rows·panelHeight) pixels, on white. */
    public BufferedImage image() {
        if (charts.isEmpty()) {
            throw new IllegalStateException("ChartGrid: no charts added");
        }
        int titleHeight = title == null ? 0 : 40;
        BufferedImage image = new BufferedImage(cols * panelWidth, rows() * panelHeight + titleHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            if (title != null) {
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g2.setColor(Color.BLACK);
                g2.setFont(Style.TITLE_FONT);
                g2.drawString(title, (image.getWidth() - g2.getFontMetrics().stringWidth(title)) / 2, 27);
            }
            for (int k = 0; k < charts.size(); k++) {
                int x = (k % cols) * panelWidth;
                int y = titleHeight + (k / cols) * panelHeight;
                charts.get(k).draw(g2, new Rectangle2D.Double(x, y, panelWidth, panelHeight));
            }
        } finally {
            g2.dispose();
        }
        return image;
    }

    /**
     * Turns a {@link LineChart}'s series into plain lines without markers (the book's {@code plt.plot(x, y)}),
     * dashing those marked in {@code dashed} (the book's {@code linestyle="--"}); the legend is removed, or with
     * {@code keepLegend} drawn inside the plot so that this panel keeps the size of the others.
     */
    public static JFreeChart linesOnly(JFreeChart chart, boolean keepLegend, boolean... dashed) {
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, Style.color(s));
            boolean dash = s < dashed.length && dashed[s];
            renderer.setSeriesStroke(s, dash
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : Style.line());
        }
        renderer.setDrawSeriesLineAsPath(true);             // one path per series, so the dashes run on
        plot.setRenderer(renderer);
        chart.removeLegend();
        if (keepLegend) {                                   // top right (the book: lower right)
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(Style.TICK_FONT);
            legend.setBackgroundPaint(new Color(255, 255, 255, 220));
            legend.setFrame(new BlockBorder(Color.LIGHT_GRAY));
            plot.addAnnotation(new XYTitleAnnotation(0.98, 0.98, legend, RectangleAnchor.TOP_RIGHT));
        }
        return chart;
    }

    /** Saves the grid as {@code figures/<name>.png} through {@link PngFiles} and returns the path. */
    public Path save(String name) {
        return PngFiles.save(image(), name);
    }

    /** As {@link PngFiles#showIfAsked}: opens the panels in one window if args has "--show" and a display exists. */
    public boolean showIfAsked(String title, String[] args) {
        return PngFiles.showIfAsked(title, args, () -> {
            JPanel panels = new JPanel(new GridLayout(rows(), cols));
            for (JFreeChart chart : charts) {
                ChartPanel panel = new ChartPanel(chart);
                panel.setPreferredSize(new Dimension(panelWidth, panelHeight));
                panels.add(panel);
            }
            return panels;
        });
    }
}
