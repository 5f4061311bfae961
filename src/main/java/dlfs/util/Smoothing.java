package dlfs.util;

/**
 * Smooths a noisy loss series before it is plotted. Port of common/util.py {@code smooth_curve}, used by
 * the book's ch06 comparison scripts (e.g. weight_init_compare.py, §6.2.4).
 *
 * <pre>
 * s = np.r_[x[window_len-1:0:-1], x, x[-1:-window_len:-1]]   # reflect-pad 10 values on each side
 * w = np.kaiser(window_len, 2)                              # Kaiser window, length 11, β = 2
 * y = np.convolve(w/w.sum(), s, mode='valid')               # length n + 10
 * return y[5:len(y)-5]                                      # length n
 * </pre>
 */
public final class Smoothing {
    /** The book's {@code window_len}. */
    public static final int WINDOW_LEN = 11;
    /** The book's Kaiser β. */
    public static final double BETA = 2.0;

    private Smoothing() {
    }

    /** The book's {@code smooth_curve(x)}: same length as {@code x}, which needs at least 11 values. */
    public static double[] smoothCurve(double[] x) {
        int n = x.length;
        if (n < WINDOW_LEN) {
            throw new IllegalArgumentException("smoothCurve: x has " + n + " values but needs at least "
                    + WINDOW_LEN + " (the window length)");
        }
        int pad = WINDOW_LEN - 1;                           // 10
        double[] s = new double[n + 2 * pad];               // s (n + 20)
        for (int i = 0; i < pad; i++) {
            s[i] = x[pad - i];                              // x[10], x[9], …, x[1]
            s[pad + n + i] = x[n - 1 - i];                  // x[n-1], x[n-2], …, x[n-10]
        }
        System.arraycopy(x, 0, s, pad, n);
        double[] w = normalised(kaiser(WINDOW_LEN, BETA));
        int half = WINDOW_LEN / 2;                          // 5
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i + half;                               // position in the 'valid' output (length n + 10)
            double sum = 0;
            for (int j = 0; j < WINDOW_LEN; j++) {
                // np.convolve flips the window; the Kaiser window is symmetric, so w[j] = w[M-1-j]
                sum += w[WINDOW_LEN - 1 - j] * s[k + j];
            }
            y[i] = sum;
        }
        return y;
    }

    /** numpy {@code np.kaiser(M, beta)}: w[n] = I0(β·√(1 − (2n/(M−1) − 1)²)) / I0(β), n = 0 … M−1. */
    public static double[] kaiser(int M, double beta) {
        if (M < 1) {
            throw new IllegalArgumentException("kaiser: M=" + M + " must be >= 1");
        }
        if (M == 1) {
            return new double[] {1.0};
        }
        double[] w = new double[M];
        double alpha = (M - 1) / 2.0;
        for (int n = 0; n < M; n++) {
            double r = (n - alpha) / alpha;                 // = 2n/(M−1) − 1, written as numpy does: exactly symmetric
            w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
        }
        return w;
    }

    /**
     * The modified Bessel function of the first kind, order 0, by its power series
     * I0(z) = Σ_k ((z/2)^k / k!)². The terms fall fast for the small z of a Kaiser window.
     */
    public static double besselI0(double z) {
        double q = z * z / 4;          // (z/2)²
        double term = 1;               // k = 0
        double sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static double[] normalised(double[] w) {
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / total;
        }
        return out;
    }
}
