package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Small charts in a grid of rows × columns under one title: the book's {@code plt.subplot(rows, cols, i+1)},
 * used for the 4×4 panels of batch_norm_test.py and the 5×4 panels of hyperparameter_optimization.py.
 * Each panel is an ordinary chart (e.g. from {@link LineChart}); the grid draws them side by side into one image.
 *
 * <pre>
 * ChartGrid grid = new ChartGrid("…", 4, 4);
 * grid.add(ChartGrid.linesOnly(new LineChart("epochs", "accuracy").title("W:1.0").add(…).chart(), false, true));
 * PngFiles.save(grid.image(300, 240), "batch_norm_compare");
 * </pre>
 */
public final class ChartGrid {
    private final String title;
    private final int rows;
    private final int cols;
    private final List<JFreeChart> panels = new ArrayList<>();

    public ChartGrid(String title, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("ChartGrid: " + rows + "x" + cols + " panels is not allowed (need >= 1x1)");
        }
        this.title = title;
        this.rows = rows;
        this.cols = cols;
    }

    /** Adds the next panel, filling each row left to right. */
    public ChartGrid add(JFreeChart panel) {
        if (panels.size() == rows * cols) {
            throw new IllegalStateException("ChartGrid: all " + rows + "x" + cols + " panels are already used");
        }
        panels.add(panel);
        return this;
    }

    /**
     * Turns a {@link LineChart}'s series into plain lines without markers, dashing those marked in
     * {@code dashed} (the book's {@code linestyle="--"}); the legend is removed, or with {@code keepLegend} drawn inside the plot.
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
        if (keepLegend) {                                   // inside the plot, top right (the book: lower right),
            LegendTitle legend = new LegendTitle(plot);     // so this panel keeps the size of the others
            legend.setItemFont(Style.TICK_FONT);
            legend.setBackgroundPaint(new Color(255, 255, 255, 220));
            legend.setFrame(new BlockBorder(Color.LIGHT_GRAY));
            plot.addAnnotation(new XYTitleAnnotation(0.98, 0.98, legend, RectangleAnchor.TOP_RIGHT));
        }
        return chart;
    }

    /** Draws every panel at panelWidth × panelHeight pixels, under the grid's title. */
    public BufferedImage image(int panelWidth, int panelHeight) {
        int titleHeight = title == null ? 0 : 40;
        BufferedImage image = new BufferedImage(cols * panelWidth, rows * panelHeight + titleHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            if (title != null) {
                g.setColor(Color.BLACK);
                g.setFont(Style.TITLE_FONT);
                int w = g.getFontMetrics().stringWidth(title);
                g.drawString(title, (image.getWidth() - w) / 2, 27);
            }
            for (int p = 0; p < panels.size(); p++) {
                int x = (p % cols) * panelWidth, y = titleHeight + (p / cols) * panelHeight;
                panels.get(p).draw(g, new Rectangle2D.Double(x, y, panelWidth, panelHeight));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public int panelCount() {
        return panels.size();
    }
}
