package dlfs.plot;

/**
 * Counts of values in equal-width bins over [lo, hi], with numpy's {@code np.histogram} rules: each bin is
 * half-open [left, right) except the last, which also takes hi; values outside [lo, hi] are not counted.
 * The book's {@code plt.hist(a.flatten(), 30, range=(0, 1))} draws these counts.
 */
public final class Histogram {
    public final double lo;
    public final double hi;
    /** counts[i]: values in bin i. */
    public final long[] counts;
    /** How many values were given, counted or not. */
    public final long total;

    private Histogram(double lo, double hi, long[] counts, long total) {
        this.lo = lo;
        this.hi = hi;
        this.counts = counts;
        this.total = total;
    }

    /** The histogram of {@code values} in {@code bins} bins over [lo, hi]. */
    public static Histogram of(double[] values, int bins, double lo, double hi) {
        if (bins < 1) {
            throw new IllegalArgumentException("Histogram: bins=" + bins + " must be >= 1");
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("Histogram: range (" + lo + ", " + hi + ") needs lo < hi");
        }
        long[] counts = new long[bins];
        for (double v : values) {
            if (v >= lo && v <= hi) {
                int i = (int) ((v - lo) / (hi - lo) * bins);
                counts[Math.min(i, bins - 1)]++;          // v == hi goes into the last bin
            }
        }
        return new Histogram(lo, hi, counts, values.length);
    }

    public int bins() {
        return counts.length;
    }

    /** Left edge of bin i. */
    public double left(int i) {
        return lo + (hi - lo) * i / counts.length;
    }

    /** Right edge of bin i. */
    public double right(int i) {
        return lo + (hi - lo) * (i + 1) / counts.length;
    }

    /** Share of all given values (not only the counted ones) that fell into bin i. */
    public double fraction(int i) {
        return total == 0 ? 0 : (double) counts[i] / total;
    }
}
