package dlfs.plot;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Axes whose ticks read like matplotlib's: a few round steps per axis (matplotlib's MaxNLocator: steps of 1, 2,
 * 2.5 or 5 times a power of ten, at most 9 intervals and fewer on a short axis), every label of an axis with the
 * same number of decimals ({@code 0.0, 0.5, 1.0}, never {@code 0, 0.5, 1}), no thousands separators
 * ({@code 1000}, not {@code 1,000}), and decades on a log axis written {@code 1e-3}.
 */
final class Axes {
    private static final double[] STEPS = {1, 2, 2.5, 5, 10};

    private Axes() {
    }

    /** A linear axis with matplotlib-like automatic ticks, in the shared tick and label fonts. */
    static NumberAxis linear(String label) {
        NumberAxis axis = new RoundStepAxis(label);
        axis.setAutoRangeIncludesZero(false);
        Style.fonts(axis);
        return axis;
    }

    /** A base-10 log axis with one labelled tick per decade ({@code 1e-3, 1e-2, …}). */
    static LogAxis log(String label) {
        LogAxis axis = new DecadeAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-300);
        axis.setTickUnit(new NumberTickUnit(1));      // one tick per decade
        Style.fonts(axis);
        return axis;
    }

    /** A fixed tick step whose labels all carry the decimals the step needs (0.25 → 0.00, 0.25, 0.50, …). */
    static NumberTickUnit tickUnit(double step) {
        return new NumberTickUnit(step, new TickFormat(step));
    }

    /**
     * The step matplotlib's MaxNLocator would choose: the smallest 1, 2, 2.5 or 5 × 10^k for which [lo, hi]
     * spans at most {@code maxIntervals} steps (counting from the multiple below lo to the multiple above hi).
     */
    static double roundStep(double lo, double hi, int maxIntervals) {
        double raw = (hi - lo) / Math.max(1, maxIntervals);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int k = 0; k < 3; k++, decade *= 10) {
            for (double m : STEPS) {
                double step = m * decade;
                if (intervals(lo, hi, step) <= maxIntervals) {
                    return step;
                }
            }
        }
        return 10 * decade;
    }

    private static double intervals(double lo, double hi, double step) {
        double eps = 1e-9;
        return Math.ceil(hi / step - eps) - Math.floor(lo / step + eps);
    }

    /** How many decimals every label of a step needs: 0 for 250, 1 for 2.5 or 0.2, 2 for 0.25. */
    static int decimals(double step) {
        for (int d = 0; d < 12; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * scaled) {
                return d;
            }
        }
        return 12;
    }

    /**
     * Chooses its tick step from the axis length, as matplotlib does: at most one interval per two tick-label
     * heights on a vertical axis, per three on a horizontal one, and at most 9; then checks that horizontal labels
     * keep a gap of one character between them.
     */
    private static final class RoundStepAxis extends NumberAxis {
        RoundStepAxis(String label) {
            super(label);
        }

        @Override
        protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
            double em = getTickLabelFont().getSize2D();
            int intervals = (int) Math.max(1, Math.min(9, Math.floor(length / (em * (vertical ? 2 : 3)))));
            double lo = getLowerBound(), hi = getUpperBound();
            double step = roundStep(lo, hi, intervals);
            while (!vertical && intervals > 1 && !labelsFit(g2, step, length / ((hi - lo) / step), em)) {
                step = roundStep(lo, hi, --intervals);
            }
            setTickUnit(tickUnit(step), false, false);
        }

        private boolean labelsFit(Graphics2D g2, double step, double pixelsPerStep, double em) {
            TickFormat format = new TickFormat(step);
            double widest = 0;
            for (double v : new double[] {getLowerBound(), getUpperBound()}) {
                widest = Math.max(widest, g2.getFontMetrics(getTickLabelFont()).stringWidth(format.format(v)));
            }
            return widest + em <= pixelsPerStep;
        }
    }

    /** A log axis whose decade labels are {@code 1e-3} in the full tick font (JFreeChart's 10³ superscripts are tiny). */
    private static final class DecadeAxis extends LogAxis {
        DecadeAxis(String label) {
            super(label);
        }

        @Override
        protected AttributedString createTickLabel(double value) {
            String text = decade(value);
            AttributedString label = new AttributedString(text);
            label.addAttributes(getTickLabelFont().getAttributes(), 0, text.length());
            label.addAttribute(TextAttribute.FOREGROUND, getTickLabelPaint(), 0, text.length());
            return label;
        }
    }

    /** 0.001 → "1e-3", 1 → "1e0", 100 → "1e2"; a value between decades keeps Python's repr. */
    static String decade(double value) {
        long e = Math.round(Math.log10(value));
        if (Math.abs(value / Math.pow(10, e) - 1) < 1e-9) {
            return "1e" + e;
        }
        return dlfs.util.Py.str(value);
    }

    /** Every label with the same decimals, no grouping, and no "-0.0" for a tick that is zero up to rounding. */
    static final class TickFormat extends NumberFormat {
        private final double step;
        private final int decimals;

        TickFormat(double step) {
            this.step = step;
            this.decimals = decimals(step);
        }

        @Override
        public StringBuffer format(double value, StringBuffer out, FieldPosition pos) {
            double v = Math.abs(value) < step * 1e-6 ? 0 : value;
            return out.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }

        @Override
        public StringBuffer format(long value, StringBuffer out, FieldPosition pos) {
            return format((double) value, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("TickFormat only formats");
        }
    }
}
