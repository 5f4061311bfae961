package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.util.ShapeUtils;

/** Colours, markers and fonts shared by the charts: matplotlib's defaults, so figures look like the book's. */
final class Style {
    /** matplotlib's default colour cycle ("tab10"): blue, orange, green, red, purple, … */
    static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xdddddd);

    private Style() {
    }

    static Color color(int series) {
        return COLORS[series % COLORS.length];
    }

    /** The book's markers in order: 'o' circle, 's' square, 'D' diamond, '^', 'v', '+', 'x'. */
    static Shape marker(int series) {
        double r = 4.5;
        switch (series % 7) {
            case 0:
                return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1:
                return new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
            case 2:
                return ShapeUtils.createDiamond((float) (r + 1));
            case 3:
                return ShapeUtils.createUpTriangle((float) (r + 0.5));
            case 4:
                return ShapeUtils.createDownTriangle((float) (r + 0.5));
            case 5:
                return ShapeUtils.createRegularCross((float) r, 1.2f);
            default:
                return ShapeUtils.createDiagonalCross((float) r, 1.2f);
        }
    }

    static BasicStroke line() {
        return new BasicStroke(1.8f);
    }

    /** White background, light grid, no outline: the plain look of a matplotlib figure. */
    static void plain(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
    }

    static void plain(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
        }
    }
}
