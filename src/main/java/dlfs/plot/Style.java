package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.util.ShapeUtils;

/**
 * The one chart style every figure shares: matplotlib's defaults, so figures look like the book's. matplotlib
 * draws a 640×480 figure at 100 dpi with 10 pt text (about 14 px) and 12 pt titles (about 17 px); our canvases
 * are about that size, so the fonts below are those sizes in pixels.
 */
final class Style {
    /**
     * Part of every chart's description, so of its fingerprint ({@link Figure}). Bump it whenever anything here or
     * in the drawing code changes how a figure looks (fonts, colours, sizes, margins, tick rules, layout), so that
     * the next run rewrites the committed figures; without a bump, figures whose data is unchanged are left alone.
     * 1: the first style; 2: matplotlib-sized fonts, round tick steps, grid margins and shared axes.
     */
    static final int VERSION = 2;

    /** matplotlib's default colour cycle ("tab10"): blue, orange, green, red, purple, … */
    static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Grid panels narrower than this get the panel fonts. */
    static final int SMALL_PANEL_WIDTH = 400;
    static final Font PANEL_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font PANEL_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font PANEL_TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color GRID = new Color(0xe5e5e5);
    /** White space around a whole figure, in pixels. */
    static final RectangleInsets CHART_PADDING = new RectangleInsets(10, 10, 10, 16);

    private Style() {
    }

    static Color color(int series) {
        return COLORS[series % COLORS.length];
    }

    /** The book's markers in order: 'o' circle, 's' square, 'D' diamond, '^', 'v', '+', 'x'. */
    static Shape marker(int series) {
        double r = 4.5;
        return switch (series % 7) {
            case 0 -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
            case 2 -> ShapeUtils.createDiamond((float) (r + 1));
            case 3 -> ShapeUtils.createUpTriangle((float) (r + 0.5));
            case 4 -> ShapeUtils.createDownTriangle((float) (r + 0.5));
            case 5 -> ShapeUtils.createRegularCross((float) r, 1.2f);
            default -> ShapeUtils.createDiagonalCross((float) r, 1.2f);
        };
    }

    /** matplotlib's default line, 1.5 pt (about 2 px), or if {@code dashed} its {@code linestyle="--"}. */
    static BasicStroke line(boolean dashed) {
        float[] dashes = dashed ? new float[] {7f, 4f} : null;
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f);
    }

    static void fonts(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
    }

    /** White background, light grid, grey frame: the plain look of a matplotlib figure. */
    static void plain(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** A new chart of {@code plot} on white, with its title (if any) in the title font. */
    static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(CHART_PADDING);
        if (title != null) {
            chart.getTitle().setPadding(new RectangleInsets(2, 2, 8, 2));
        }
        return chart;
    }
}
