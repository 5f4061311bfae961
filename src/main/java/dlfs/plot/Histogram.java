package dlfs.plot;

/**
 * Counts of values in equal-width bins over [lo, hi], binned exactly as numpy's
 * {@code np.histogram(a, bins, range=(lo, hi))} bins them: the edges are {@code np.linspace(lo, hi, bins + 1)};
 * each bin is half-open [left, right) except the last, which also takes hi; values outside [lo, hi] (and NaN)
 * are not counted. The book's {@code plt.hist(a.flatten(), 30, range=(0, 1))} (§6.2.2) draws these counts.
 *
 * <p>{@code counts[i]} values fell into bin i, which runs from {@code edges[i]} to {@code edges[i + 1]} (numpy's
 * {@code bin_edges}); {@code total} values were given, counted or not.
 */
public record Histogram(double lo, double hi, double[] edges, long[] counts, long total) {
    /** The histogram of {@code values} in {@code bins} bins over [lo, hi]. */
    public static Histogram of(double[] values, int bins, double lo, double hi) {
        if (bins < 1) {
            throw new IllegalArgumentException("Histogram: bins=" + bins + " must be >= 1");
        }
        if (!(lo < hi) || !Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("Histogram: range (" + lo + ", " + hi + ") needs lo < hi, both finite");
        }
        double[] edges = linspace(lo, hi, bins + 1);
        for (int k = 0; k < bins; k++) {
            if (!(edges[k] < edges[k + 1])) {
                throw new IllegalArgumentException("Histogram: bins=" + bins + " is too many for the range ("
                        + lo + ", " + hi + "): edges " + k + " and " + (k + 1) + " are the same double");
            }
        }
        long[] counts = new long[bins];
        for (double x : values) {
            int i = bin(x, lo, hi, edges);
            if (i >= 0) {
                counts[i]++;
            }
        }
        return new Histogram(lo, hi, edges, counts, values.length);
    }

    /**
     * The bin of x, or -1 if x is not counted; numpy's rule for equal bins (numpy/lib/_histograms_impl.py,
     * {@code histogram}): a first guess from the position of x in the range, then corrected against the edges,
     * because the guess can be one off within about an ulp of an edge (e.g. 0.3 with 10 bins over (0, 1): the
     * guess is bin 3, but edges[3] = 3 * 0.1 = 0.30000000000000004 > 0.3, so it is bin 2).
     */
    static int bin(double x, double lo, double hi, double[] edges) {
        if (!(x >= lo && x <= hi)) {                       // keep = (a >= first_edge) & (a <= last_edge)
            return -1;
        }
        int bins = edges.length - 1;
        int i = (int) ((x - lo) / (hi - lo) * bins);       // f_indices = (a - first_edge) / norm_denom * n; astype(intp)
        if (i == bins) {                                   // x == hi belongs to the last bin
            i--;
        }
        if (x < edges[i]) {                                // decrement = a < bin_edges[indices]
            i--;
        } else if (x >= edges[i + 1] && i != bins - 1) {   // increment = a >= bin_edges[indices + 1], not the last bin
            i++;
        }
        return i;
    }

    /** numpy's {@code np.linspace(lo, hi, num)}: k·step + lo with step = (hi − lo)/(num − 1), the last one hi itself. */
    static double[] linspace(double lo, double hi, int num) {
        double[] y = new double[num];
        double step = (hi - lo) / (num - 1);
        for (int k = 0; k < num; k++) {
            y[k] = step != 0 ? k * step + lo : (double) k / (num - 1) * (hi - lo) + lo;
        }
        y[num - 1] = hi;
        return y;
    }

    public int bins() {
        return counts.length;
    }

    /** Share of all given values (not only the counted ones) that fell into bin i. */
    public double fraction(int i) {
        return total == 0 ? 0 : (double) counts[i] / total;
    }
}
