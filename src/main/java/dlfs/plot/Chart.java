package dlfs.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.JComponent;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A chart builder that is a whole {@link Figure}: it keeps what it was given (texts, each series' values, ranges,
 * colours) and builds a JFreeChart from that each time it is drawn, so its description comes from what it was
 * given, never from JFreeChart's objects. A {@link ChartGrid} draws several charts as panels.
 */
public abstract sealed class Chart implements Figure permits LineChart, ContourChart, HistogramRow {
    private int width = 640;    // matplotlib's default figure, 6.4×4.8 inches at 100 dpi
    private int height = 480;

    /** The size of the saved image in pixels (the book's {@code figsize} × dpi); not used in a grid. */
    public Chart size(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Chart.size: " + width + "x" + height + " pixels (both must be >= 1)");
        }
        this.width = width;
        this.height = height;
        return this;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A new JFreeChart showing what this builder was given. */
    abstract JFreeChart chart();

    /** Adds what this builder was given to {@code d} (also a grid's panel). */
    abstract void describe(Description d);

    @Override
    public BufferedImage image() {
        return chart().createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    @Override
    public String describe() {
        Description d = new Description().put("size", width, height);
        describe(d);
        return d.toString();
    }

    @Override
    public JComponent component() {
        ChartPanel panel = new ChartPanel(chart());
        panel.setPreferredSize(new Dimension(width, height));
        return panel;
    }

    /** One series as given: its label, the points (x[i], y[i]), its colour and whether it is dashed. */
    record Series(String label, double[] x, double[] y, Color color, boolean dashed) {
        Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + label + "': x has " + x.length + " values but y has "
                        + y.length + " (they must match)");
            }
            x = x.clone();                          // later changes to the caller's arrays do not change the figure
            y = y.clone();
        }

        void describe(Description d) {
            d.put("series", label, color, dashed ? "dashed" : "solid").put("x", x).put("y", y);
        }
    }

    /** The series as JFreeChart's dataset, in order. */
    static XYSeriesCollection dataset(List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.label(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], s.y()[i]);
            }
            data.addSeries(xy);
        }
        return data;
    }
}
