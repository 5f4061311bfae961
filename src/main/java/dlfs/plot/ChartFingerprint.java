package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A fingerprint of what a chart shows: its texts, every data value (as exact bits), its axes, colours, line
 * styles, fonts, annotations and legend, the image size and {@link Style#VERSION}. {@link PngFiles} stores it in
 * the PNG and leaves a figure alone whose fingerprint has not changed, so a run on another JDK (whose text
 * rendering differs by a few pixels) does not rewrite the committed figures, while new data or options do.
 *
 * <p>It is built from a text description ({@link #describe}) hashed with SHA-256. The description reads only
 * what the caller set and what follows from the data, never what drawing measured (chosen tick units, label
 * widths), and writes doubles as their bits and fonts by name, so it is the same on every JDK and every run.
 * Java serialization is not used: its bytes depend on the JDK and on identity-hash ordering.
 */
final class ChartFingerprint {
    /** The PNG tEXt keyword under which the fingerprint is stored. */
    static final String KEYWORD = "dlfs-fingerprint";

    private final StringBuilder text = new StringBuilder();

    /** The fingerprint of {@code chart} drawn at width×height pixels. */
    static String of(JFreeChart chart, int width, int height) {
        return digest(describe(chart, width, height));
    }

    /** The text the fingerprint of {@code chart} is the hash of (to see why a figure was rewritten). */
    static String describe(JFreeChart chart, int width, int height) {
        ChartFingerprint f = new ChartFingerprint();
        f.put("style", Style.VERSION).put("size", width + "x" + height);
        f.chart(chart);
        return f.text.toString();
    }

    /** The fingerprint of an image given as pixels: its size and every pixel's RGB. */
    static String of(BufferedImage image) {
        MessageDigest sha = sha256();
        sha.update(("image=" + image.getWidth() + "x" + image.getHeight() + "\n").getBytes(StandardCharsets.UTF_8));
        int[] row = new int[image.getWidth()];
        byte[] bytes = new byte[4 * row.length];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                for (int k = 0; k < 4; k++) {
                    bytes[4 * x + k] = (byte) (row[x] >>> (24 - 8 * k));
                }
            }
            sha.update(bytes);
        }
        return hex(sha.digest());
    }

    /** SHA-256 of the description, in hex. */
    static String digest(String description) {
        return hex(sha256().digest(description.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);   // every JDK must have it
        }
    }

    private static String hex(byte[] hash) {
        StringBuilder hex = new StringBuilder("sha256:");
        for (byte b : hash) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    /** Appends {@code key=value} on a line of its own; used by {@link ChartGrid} for the grid's own options. */
    ChartFingerprint put(String key, Object value) {
        text.append(key).append('=').append(value).append('\n');
        return this;
    }

    String text() {
        return text.toString();
    }

    void chart(JFreeChart chart) {
        put("chart.title", chart.getTitle() == null ? "-" : describeTitle(chart.getTitle()));
        put("chart.background", paint(chart.getBackgroundPaint()));
        put("chart.antialias", chart.getAntiAlias() + "," + chart.getTextAntiAlias());
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            put("chart.subtitle" + i, describeTitle(chart.getSubtitle(i)));
        }
        plot("plot", chart.getPlot());
    }

    private void plot(String at, Plot plot) {
        put(at, plot.getClass().getSimpleName());
        put(at + ".background", paint(plot.getBackgroundPaint()) + " outline " + plot.isOutlineVisible() + " "
                + paint(plot.getOutlinePaint()));
        if (plot instanceof CombinedRangeXYPlot) {
            CombinedRangeXYPlot row = (CombinedRangeXYPlot) plot;
            put(at + ".gap", bits(row.getGap()));
            axis(at + ".range", row.getRangeAxis());
            for (int p = 0; p < row.getSubplots().size(); p++) {
                xyPlot(at + ".sub" + p, row.getSubplots().get(p));
            }
        } else if (plot instanceof CombinedDomainXYPlot) {
            CombinedDomainXYPlot column = (CombinedDomainXYPlot) plot;
            put(at + ".gap", bits(column.getGap()));
            axis(at + ".domain", column.getDomainAxis());
            for (int p = 0; p < column.getSubplots().size(); p++) {
                xyPlot(at + ".sub" + p, column.getSubplots().get(p));
            }
        } else if (plot instanceof XYPlot) {
            xyPlot(at, (XYPlot) plot);
        }
    }

    private void xyPlot(String at, XYPlot plot) {
        put(at + ".orientation", plot.getOrientation());
        put(at + ".grid", plot.isDomainGridlinesVisible() + " " + paint(plot.getDomainGridlinePaint()) + " "
                + plot.isRangeGridlinesVisible() + " " + paint(plot.getRangeGridlinePaint()));
        put(at + ".order", plot.getDatasetRenderingOrder() + " " + plot.getSeriesRenderingOrder());
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            put(at + ".domainAxis" + i + ".location", plot.getDomainAxisLocation(i));
            axis(at + ".domainAxis" + i, plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            put(at + ".rangeAxis" + i + ".location", plot.getRangeAxisLocation(i));
            axis(at + ".rangeAxis" + i, plot.getRangeAxis(i));
        }
        for (Map.Entry<Integer, XYDataset> e : new TreeMap<>(plot.getDatasets()).entrySet()) {
            String key = at + ".dataset" + e.getKey();
            dataset(key, e.getValue());
            renderer(key + ".renderer", plot.getRenderer(e.getKey()), e.getValue());
        }
        int a = 0;
        for (XYAnnotation annotation : plot.getAnnotations()) {
            annotation(at + ".annotation" + a++, annotation);
        }
    }

    private void axis(String at, Axis axis) {
        if (axis == null) {
            put(at, "-");
            return;
        }
        put(at, axis.getClass().getSimpleName() + " '" + axis.getLabel() + "' " + font(axis.getLabelFont())
                + " visible " + axis.isVisible() + " line " + axis.isAxisLineVisible());
        put(at + ".ticks", "labels " + axis.isTickLabelsVisible() + " " + font(axis.getTickLabelFont())
                + " marks " + axis.isTickMarksVisible());
        if (axis instanceof ValueAxis) {
            ValueAxis v = (ValueAxis) axis;
            put(at + ".range", "auto " + v.isAutoRange() + " " + bits(v.getLowerBound()) + " " + bits(v.getUpperBound())
                    + " margins " + bits(v.getLowerMargin()) + " " + bits(v.getUpperMargin())
                    + " inverted " + v.isInverted());
            put(at + ".tickUnit", tickUnit(v));
        }
        if (axis instanceof NumberAxis) {
            put(at + ".includesZero", ((NumberAxis) axis).getAutoRangeIncludesZero());
        }
        if (axis instanceof LogAxis) {
            put(at + ".log", bits(((LogAxis) axis).getBase()) + " " + bits(((LogAxis) axis).getSmallestValue()));
        }
    }

    /** A tick unit the caller fixed (its size and how it prints); an automatic one only as "auto". */
    private static String tickUnit(ValueAxis axis) {
        if (axis.isAutoTickUnitSelection()) {
            return "auto";                              // chosen while drawing, from label sizes: JDK-dependent
        }
        if (axis instanceof NumberAxis) {
            org.jfree.chart.axis.NumberTickUnit unit = ((NumberAxis) axis).getTickUnit();
            return bits(unit.getSize()) + " '" + unit.valueToString(unit.getSize()) + "' '"
                    + unit.valueToString(1234.5678) + "'";
        }
        if (axis instanceof LogAxis) {
            return bits(((LogAxis) axis).getTickUnit().getSize());
        }
        return axis.getClass().getSimpleName();
    }

    private void dataset(String at, XYDataset data) {
        if (data == null) {
            put(at, "-");
            return;
        }
        boolean intervals = data instanceof IntervalXYDataset;
        put(at, data.getClass().getSimpleName() + " series " + data.getSeriesCount());
        for (int s = 0; s < data.getSeriesCount(); s++) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < data.getItemCount(s); i++) {
                values.append(bits(data.getXValue(s, i))).append(',').append(bits(data.getYValue(s, i)));
                if (intervals) {
                    IntervalXYDataset d = (IntervalXYDataset) data;
                    values.append(',').append(bits(d.getStartXValue(s, i))).append(',')
                            .append(bits(d.getEndXValue(s, i))).append(',').append(bits(d.getStartYValue(s, i)))
                            .append(',').append(bits(d.getEndYValue(s, i)));
                }
                values.append(' ');
            }
            put(at + ".series" + s, "'" + data.getSeriesKey(s) + "' " + data.getItemCount(s) + ": " + values);
        }
    }

    private void renderer(String at, XYItemRenderer renderer, XYDataset data) {
        if (renderer == null) {
            put(at, "-");
            return;
        }
        put(at, renderer.getClass().getName());
        if (renderer instanceof XYLineAndShapeRenderer) {
            put(at + ".asPath", ((XYLineAndShapeRenderer) renderer).getDrawSeriesLineAsPath());
        }
        if (renderer instanceof XYBarRenderer) {
            XYBarRenderer bars = (XYBarRenderer) renderer;
            put(at + ".bars", bits(bars.getMargin()) + " outline " + bars.isDrawBarOutline() + " shadow "
                    + bars.getShadowsVisible() + " " + bars.getBarPainter().getClass().getName());
        }
        int series = data == null ? 0 : data.getSeriesCount();
        for (int s = 0; s < series; s++) {
            put(at + ".series" + s, series(renderer, s, data.getItemCount(s)));
        }
    }

    private static String series(XYItemRenderer renderer, int s, int items) {
        StringBuilder d = new StringBuilder();
        d.append("visible ").append(renderer.isSeriesVisible(s))
                .append(" legend ").append(renderer.isSeriesVisibleInLegend(s));
        if (renderer instanceof AbstractRenderer) {
            AbstractRenderer r = (AbstractRenderer) renderer;
            d.append(" paint ").append(paint(r.lookupSeriesPaint(s))).append(" outline ")
                    .append(paint(r.lookupSeriesOutlinePaint(s)))
                    .append(" stroke ").append(stroke(r.lookupSeriesStroke(s))).append(" shape ").append(shape(r.lookupSeriesShape(s)));
        }
        if (renderer instanceof XYLineAndShapeRenderer) {
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) renderer;
            StringBuilder lines = new StringBuilder(), shapes = new StringBuilder();
            for (int i = 0; i < items; i++) {
                lines.append(r.getItemLineVisible(s, i) ? '1' : '0');
                shapes.append(r.getItemShapeVisible(s, i) ? (r.getItemShapeFilled(s, i) ? 'F' : '1') : '0');
            }
            d.append(" lines ").append(lines).append(" shapes ").append(shapes);   // e.g. markEvery
        }
        return d.toString();
    }

    private void annotation(String at, XYAnnotation annotation) {
        if (annotation instanceof XYTitleAnnotation) {
            XYTitleAnnotation a = (XYTitleAnnotation) annotation;
            put(at, "title at " + bits(a.getX()) + " " + bits(a.getY()) + " " + a.getCoordinateType() + " "
                    + a.getTitleAnchor() + " max " + bits(a.getMaxWidth()) + " " + bits(a.getMaxHeight()) + " "
                    + describeTitle(a.getTitle()));
        } else if (annotation instanceof XYTextAnnotation) {
            XYTextAnnotation a = (XYTextAnnotation) annotation;
            put(at, "text '" + a.getText() + "' at " + bits(a.getX()) + " " + bits(a.getY()) + " " + font(a.getFont())
                    + " " + paint(a.getPaint()) + " " + a.getTextAnchor() + " " + bits(a.getRotationAngle()));
        } else {
            put(at, annotation.getClass().getName());
        }
    }

    private static String describeTitle(Title title) {
        String common = title.getPosition() + " " + title.isVisible() + " ";
        if (title instanceof TextTitle) {
            TextTitle t = (TextTitle) title;
            return common + "text '" + t.getText() + "' " + font(t.getFont()) + " " + paint(t.getPaint()) + " "
                    + paint(t.getBackgroundPaint()) + " " + t.getTextAlignment();
        }
        if (title instanceof LegendTitle) {
            LegendTitle legend = (LegendTitle) title;
            StringBuilder items = new StringBuilder();
            for (LegendItemSource source : legend.getSources()) {
                LegendItemCollection collection = source.getLegendItems();
                for (int i = 0; i < collection.getItemCount(); i++) {
                    LegendItem item = collection.get(i);
                    items.append('\'').append(item.getLabel()).append("' ");
                }
            }
            return common + "legend " + font(legend.getItemFont()) + " " + paint(legend.getBackgroundPaint())
                    + " " + items;
        }
        return common + title.getClass().getName();
    }

    private static String font(Font font) {
        return font == null ? "-" : font.getName() + "/" + font.getStyle() + "/" + bits(font.getSize2D());
    }

    private static String paint(Paint paint) {
        if (paint == null) {
            return "-";
        }
        return paint instanceof Color ? String.format("#%08x", ((Color) paint).getRGB()) : paint.getClass().getName();
    }

    private static String stroke(Stroke stroke) {
        if (!(stroke instanceof BasicStroke)) {
            return stroke == null ? "-" : stroke.getClass().getName();
        }
        BasicStroke b = (BasicStroke) stroke;
        StringBuilder dash = new StringBuilder();
        if (b.getDashArray() != null) {
            for (float f : b.getDashArray()) {
                dash.append(bits(f)).append(',');
            }
        }
        return bits(b.getLineWidth()) + "/" + b.getEndCap() + "/" + b.getLineJoin() + "/" + bits(b.getMiterLimit())
                + "/[" + dash + "]/" + bits(b.getDashPhase());
    }

    private static String shape(Shape shape) {
        if (shape == null) {
            return "-";
        }
        Rectangle2D r = shape.getBounds2D();
        return shape.getClass().getSimpleName() + "[" + bits(r.getX()) + "," + bits(r.getY()) + ","
                + bits(r.getWidth()) + "," + bits(r.getHeight()) + "]";
    }

    /** A double as its 64 bits in hex: exact, and the same text on every JDK (NaN as one canonical NaN). */
    private static String bits(double x) {
        return Long.toHexString(Double.doubleToLongBits(x));
    }
}
