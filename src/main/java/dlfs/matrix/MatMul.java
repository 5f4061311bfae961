package dlfs.matrix;

import dlfs.util.UserError;
import java.util.Arrays;

/**
 * The three matrix products of the Affine layer (book §5.6.1–5.6.2), the one place in the project tuned for speed:
 * <pre>
 *   dot(x, W)          = x · W      forward:  (N,D)·(D,H) -> (N,H)
 *   dotTransA(x, dout) = xᵀ · dout  dW:       (D,N)·(N,H) -> (D,H), x read in place
 *   dotTransB(dout, W) = dout · Wᵀ  dx:       (N,H)·(H,D) -> (N,D), through a copy of Wᵀ
 * </pre>
 * Every row of a result is a sum of rows of the right-hand matrix, row i of x·W = Σ_k x[i][k] · W[k]. The row
 * methods ({@link #dotRows} and two siblings) make two rows at a time: they list the terms whose factor is not ±0
 * ({@link #listTerms}) and add them in ascending k, three per sweep ({@link #addTerms}). Big products share their
 * rows with worker threads ({@link #forRows}, {@link MatMulThreads}); a tall xᵀ·dout (a convolution's dW) goes to
 * {@link MatMulTall}. Each element is the textbook loop's sum to the last bit, for any thread count.
 * <p>Two switches for stepping through: {@code -Ddlfs.matmul=naive} runs the textbook triple loops
 * ({@link #naiveDot} and its siblings); {@code -Ddlfs.threads=N} sets the number of threads (1: everything on the
 * calling thread; default: one per core). Why each step, and what it was measured to gain: docs/SPEED.md.
 */
public final class MatMul {
    /** Products with fewer multiply-adds run on the calling thread (moving rows between cores costs more). */
    static final long PARALLEL_THRESHOLD = 200_000L;
    /** The threshold in use: tests set it to 0 to share even the smallest products between threads. */
    static long parallelThreshold = PARALLEL_THRESHOLD;

    /** Outputs narrower than this are computed by columns, whose long rows the JIT turns into vector code. */
    public static final int NARROW = 16;

    /** The most threads -Ddlfs.threads may ask for: more than 4 per core only slow the products down. */
    static final int MAX_THREADS = 4 * Runtime.getRuntime().availableProcessors();

    private static volatile int threads;      // 0 until read from -Ddlfs.threads
    private static volatile int naive = -1;   // -1 until read from -Ddlfs.matmul; then 1 for the naive loops

    private MatMul() {
    }

    /** x · W: (N,D)·(D,H) -> (N,H). Row i of the result is Σ_k x[i][k] · W[k]. */
    public static Matrix dot(Matrix x, Matrix W) {
        if (x.cols != W.rows) {
            throw new IllegalArgumentException("dot: x is " + x.shape() + " but W is " + W.shape()
                    + " (x.cols must equal W.rows)");
        }
        if (naive()) {
            Matrix out = new Matrix(x.rows, W.cols);
            naiveDot(x.data, W.data, out.data);
            return out;
        }
        if (W.cols < NARROW && W.cols < x.cols) {                  // x·W = (xᵀ)ᵀ·W, by columns
            return dotTransA(transpose(x), W, new Matrix(x.rows, W.cols));
        }
        boolean skipZeros = !W.hasNonFinite();                     // 0 · NaN is NaN: then nothing is skipped
        double[][] out = new double[x.rows][];                     // its rows are made by dotRows
        forRows(x.rows, (long) x.rows * x.cols * W.cols,
                (from, to) -> dotRows(x.data, W.data, out, skipZeros, from, to));
        return new Matrix(out);
    }

    /**
     * xᵀ · dout: (N,D)ᵀ·(N,H) -> (D,H), written into {@code out} (e.g. Affine's dW). Row d of the result is
     * Σ_n x[n][d] · dout[n]. Returns out.
     */
    public static Matrix dotTransA(Matrix x, Matrix dout, Matrix out) {
        if (x.rows != dout.rows) {
            throw new IllegalArgumentException("dotTransA: x is " + x.shape() + " but dout is " + dout.shape()
                    + " (x.rows must equal dout.rows)");
        }
        if (out.rows != x.cols || out.cols != dout.cols) {
            throw new IllegalArgumentException("dotTransA: out is " + out.shape() + " but xᵀ·dout is "
                    + x.cols + "x" + dout.cols + " (out must be x.cols x dout.cols)");
        }
        if (out == x || out == dout) {
            throw new IllegalArgumentException("dotTransA: out must be a matrix of its own, not x or dout");
        }
        if (naive()) {
            naiveDotTransA(x.data, dout.data, out.data);
            return out;
        }
        if (MatMulTall.fits(x, dout)) {
            return MatMulTall.dotTransA(x, dout, out, threads());
        }
        if (dout.cols < NARROW && dout.cols < x.cols) {
            return dotTransAByColumns(x, dout, out);
        }
        boolean skipZeros = !dout.hasNonFinite();                    // the zeros of x are skipped
        forRows(out.rows, (long) x.rows * x.cols * dout.cols,
                (from, to) -> dotTransARows(x.data, dout.data, out.data, skipZeros, from, to));
        return out;
    }

    /** xᵀ · dout for a narrow dout, by columns, written into out. Returns out. */
    private static Matrix dotTransAByColumns(Matrix x, Matrix dout, Matrix out) {
        boolean skipZeros = !x.hasNonFinite();                       // the zeros of dout are skipped
        double[][] outT = new double[out.cols][];                    // column h of out is row h of outT
        forRows(out.cols, (long) x.rows * x.cols * dout.cols,
                (from, to) -> dotTransAColumns(x.data, dout.data, outT, skipZeros, from, to));
        for (int d = 0; d < out.rows; d++) {                         // out = outTᵀ
            for (int h = 0; h < out.cols; h++) {
                out.data[d][h] = outT[h][d];
            }
        }
        return out;
    }

    /** xᵀ · dout as a new (D,H) matrix. */
    public static Matrix dotTransA(Matrix x, Matrix dout) {
        return dotTransA(x, dout, new Matrix(x.cols, dout.cols));
    }

    /** dout · Wᵀ: (N,H)·(D,H)ᵀ -> (N,D), computed as dout · (a copy of Wᵀ), which sweeps rows as dot does. */
    public static Matrix dotTransB(Matrix dout, Matrix W) {
        if (dout.cols != W.cols) {
            throw new IllegalArgumentException("dotTransB: dout is " + dout.shape() + " but W is " + W.shape()
                    + " (dout.cols must equal W.cols)");
        }
        if (naive()) {
            Matrix out = new Matrix(dout.rows, W.rows);
            naiveDotTransB(dout.data, W.data, out.data);
            return out;
        }
        return dot(dout, transpose(W));
    }

    /** Wᵀ as a new matrix. */
    public static Matrix transpose(Matrix W) {
        Matrix out = new Matrix(W.cols, W.rows);
        for (int j = 0; j < W.cols; j += 4) {
            copyColumns(W.data, j, Math.min(4, W.cols - j), out.data, j);
        }
        return out;
    }

    /** into[at + q] = column j + q of W for q = 0..m-1, m at most 4: four columns per pass down the rows of W. */
    private static void copyColumns(double[][] W, int j, int m, double[][] into, int at) {
        if (m < 4) {
            for (int q = 0; q < m; q++) {
                for (int i = 0; i < W.length; i++) {
                    into[at + q][i] = W[i][j + q];
                }
            }
            return;
        }
        double[] t0 = into[at], t1 = into[at + 1], t2 = into[at + 2], t3 = into[at + 3];
        for (int i = 0; i < W.length; i++) {
            double[] w = W[i];
            t0[i] = w[j];
            t1[i] = w[j + 1];
            t2[i] = w[j + 2];
            t3[i] = w[j + 3];
        }
    }

    // ------------------------------------------------------------------ the reference: the textbook loops

    /** x · W as the textbook writes it: out[i][j] = Σ_k x[i][k] · W[k][j], k ascending. */
    static void naiveDot(double[][] x, double[][] W, double[][] out) {
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                double sum = 0;
                for (int k = 0; k < W.length; k++) {
                    sum += x[i][k] * W[k][j];
                }
                out[i][j] = sum;
            }
        }
    }

    /** xᵀ · dout as the textbook writes it: out[d][j] = Σ_n x[n][d] · dout[n][j], n ascending. */
    static void naiveDotTransA(double[][] x, double[][] dout, double[][] out) {
        for (int d = 0; d < out.length; d++) {
            for (int j = 0; j < out[d].length; j++) {
                double sum = 0;
                for (int n = 0; n < x.length; n++) {
                    sum += x[n][d] * dout[n][j];
                }
                out[d][j] = sum;
            }
        }
    }

    /** dout · Wᵀ as the textbook writes it: out[n][d] = Σ_j dout[n][j] · W[d][j], j ascending. */
    static void naiveDotTransB(double[][] dout, double[][] W, double[][] out) {
        for (int n = 0; n < out.length; n++) {
            for (int d = 0; d < out[n].length; d++) {
                double sum = 0;
                for (int j = 0; j < W[d].length; j++) {
                    sum += dout[n][j] * W[d][j];
                }
                out[n][d] = sum;
            }
        }
    }

    // ------------------------------------------------------------------ the fast path

    /**
     * Rows [from, to) of out = x · W, two at a time: out[i] = Σ_k x[i][k] · W[k]. Each row is a new array made
     * here, so that it starts out in the cache of the core that fills it (rows that two threads fill side by side
     * in one block of memory would share a cache line at their border).
     */
    private static void dotRows(double[][] x, double[][] W, double[][] out, boolean skipZeros, int from, int to) {
        int[] k = new int[W.length];                               // the terms of rows i and i+1
        for (int i = from; i < to; i += 2) {
            double[] x1 = i + 1 < to ? x[i + 1] : x[i];            // an odd last row goes with itself
            int n = listTerms(x[i], x1, skipZeros, k);
            double[] c0 = new double[W[0].length], c1 = new double[W[0].length];
            addTerms(c0, c1, x[i], x1, k, n, W);                   // out[i] = Σ_k x[i][k] · W[k], and row i+1
            out[i] = c0;
            if (i + 1 < to) {
                out[i + 1] = c1;
            }
        }
    }

    /** Rows [from, to) of out = xᵀ · dout, two at a time: out[d] = Σ_n x[n][d] · dout[n]. */
    private static void dotTransARows(double[][] x, double[][] dout, double[][] out, boolean skipZeros,
                                      int from, int to) {
        double[][] xT = new double[4][x.length];                   // columns d..d+3 of x
        int[] n = new int[x.length];                               // the terms of rows d and d+1
        double[] spare = new double[dout[0].length];               // the twin of an odd last row
        for (int d = from; d < to; d += 4) {
            int m = Math.min(4, to - d);
            copyColumns(x, d, m, xT, 0);
            for (int q = 0; q < m; q += 2) {
                double[] c0 = out[d + q], c1 = q + 1 < m ? out[d + q + 1] : spare;
                double[] a1 = q + 1 < m ? xT[q + 1] : xT[q];
                int count = listTerms(xT[q], a1, skipZeros, n);
                Arrays.fill(c0, 0.0);
                Arrays.fill(c1, 0.0);
                addTerms(c0, c1, xT[q], a1, n, count, dout);       // out[d] = Σ_n x[n][d] · dout[n], and row d+1
            }
        }
    }

    /**
     * Columns [from, to) of out = xᵀ · dout for a narrow dout, two at a time, each written as a row of
     * outT = outᵀ: column h of out is outT[h] = Σ_n dout[n][h] · x[n]. Each row is a new array made here, as in
     * {@link #dotRows}.
     */
    private static void dotTransAColumns(double[][] x, double[][] dout, double[][] outT, boolean skipZeros,
                                         int from, int to) {
        double[][] doutT = new double[4][dout.length];             // columns h..h+3 of dout
        int[] n = new int[dout.length];                            // the terms of columns h and h+1
        for (int h = from; h < to; h += 4) {
            int m = Math.min(4, to - h);
            copyColumns(dout, h, m, doutT, 0);
            for (int q = 0; q < m; q += 2) {
                double[] a1 = q + 1 < m ? doutT[q + 1] : doutT[q];
                int count = listTerms(doutT[q], a1, skipZeros, n);
                double[] c0 = new double[x[0].length], c1 = new double[x[0].length];
                addTerms(c0, c1, doutT[q], a1, n, count, x);       // column h of out = Σ_n dout[n][h] · x[n], h+1
                outT[h + q] = c0;
                if (q + 1 < m) {
                    outT[h + q + 1] = c1;
                }
            }
        }
    }

    /**
     * Lists into k, ascending, the positions p whose terms a0[p] · B[p] and a1[p] · B[p] are to be added: every
     * p, or, if skipZeros, those where a0[p] or a1[p] is not ±0. Returns how many; the rest of k is -1, so that a
     * debugger shows nothing left over from earlier rows. Leaving out a term whose factor is ±0, or adding one
     * for a row because the other row needs that B[p], changes no bit: a sum that starts at +0 is never −0, and
     * adding ±0 to it leaves it as it is.
     */
    private static int listTerms(double[] a0, double[] a1, boolean skipZeros, int[] k) {
        int n = 0;
        for (int p = 0; p < a0.length; p++) {
            long both = (Double.doubleToRawLongBits(a0[p]) | Double.doubleToRawLongBits(a1[p])) << 1;   // no sign
            k[n] = p;
            n += skipZeros ? (int) ((both | -both) >>> 63) : 1;   // 0 if both are ±0, else 1: no branch to mispredict
        }
        for (int q = n; q < k.length && k[q] != -1; q++) {         // up to the first -1: what earlier rows left
            k[q] = -1;
        }
        return n;
    }

    /**
     * Two rows of the result at once: c0 += Σ a0[k[p]] · B[k[p]] and c1 += Σ a1[k[p]] · B[k[p]] over
     * p = 0..n-1 in turn, three rows of B per sweep, so that each B[k][j] loaded serves two sums and c0[j], c1[j]
     * are loaded and stored once per three multiply-adds (a larger loop body C2 no longer turns into vector code).
     * Java adds left to right: these are the sums of the textbook loop, term by term.
     */
    private static void addTerms(double[] c0, double[] c1, double[] a0, double[] a1, int[] k, int n, double[][] B) {
        int p = 0;
        for (; p + 2 < n; p += 3) {
            int k0 = k[p], k1 = k[p + 1], k2 = k[p + 2];
            double[] b0 = B[k0], b1 = B[k1], b2 = B[k2];
            double u0 = a0[k0], u1 = a0[k1], u2 = a0[k2], v0 = a1[k0], v1 = a1[k1], v2 = a1[k2];
            for (int j = 0; j < c0.length; j++) {
                double w0 = b0[j], w1 = b1[j], w2 = b2[j];
                c0[j] = c0[j] + u0 * w0 + u1 * w1 + u2 * w2;
                c1[j] = c1[j] + v0 * w0 + v1 * w1 + v2 * w2;
            }
        }
        for (; p < n; p++) {
            double[] b = B[k[p]];
            double u = a0[k[p]], v = a1[k[p]];
            for (int j = 0; j < c0.length; j++) {
                c0[j] += u * b[j];
                c1[j] += v * b[j];
            }
        }
    }

    // ------------------------------------------------------------------ threads

    /**
     * Computes rows 0..count-1 through {@code rows}: on the calling thread if the product is small or there is one
     * thread, else shared with the worker threads in chunks of about an eighth of a thread's share, a multiple of
     * four rows so that the row methods' groups of two and four stay whole.
     */
    private static void forRows(int count, long multiplyAdds, MatMulThreads.Rows rows) {
        int n = threads();
        if (count < 2 || multiplyAdds < parallelThreshold || n == 1) {
            rows.compute(0, count);
        } else {
            MatMulThreads.run(rows, count, Math.max(4, (count / (8 * n) + 3) / 4 * 4), n);
        }
    }

    // ------------------------------------------------------------------ the two switches

    /** The number of threads a big product uses: {@code -Ddlfs.threads=N} if given, else one per core. */
    public static int threads() {
        int n = threads;
        if (n == 0) {
            n = threadsFromProperty();
            threads = n;
        }
        return n;
    }

    /**
     * Sets the number of threads for the big products (benchmarks and tests compare 1, 2 and 3; a user sets
     * {@code -Ddlfs.threads=N} instead), 1 to {@link #MAX_THREADS}. Results do not depend on it.
     */
    public static void setThreads(int n) {
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException("MatMul.setThreads: n=" + n + " is outside 1.." + MAX_THREADS);
        }
        threads = n;
    }

    /** True if every product runs the textbook triple loop: {@code -Ddlfs.matmul=naive}. */
    public static boolean naive() {
        int v = naive;
        if (v < 0) {
            v = naiveFromProperty() ? 1 : 0;
            naive = v;
        }
        return v == 1;
    }

    /** Switches between the textbook triple loops (true) and the fast path (false); results are the same. */
    public static void setNaive(boolean on) {
        naive = on ? 1 : 0;
    }

    /** Reads {@code -Ddlfs.threads} and {@code -Ddlfs.matmul} again, undoing setThreads and setNaive (for tests). */
    static void rereadSwitches() {
        threads = 0;
        naive = -1;
        threads();
        naive();
    }

    private static int threadsFromProperty() {
        String prop = System.getProperty("dlfs.threads");
        if (prop == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(prop.trim());
            if (n >= 1 && n <= MAX_THREADS) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new UserError("-Ddlfs.threads=" + prop + " is not allowed (give a whole number from 1 to " + MAX_THREADS
                + ", at most 4 per core)");
    }

    private static boolean naiveFromProperty() {
        String prop = System.getProperty("dlfs.matmul");
        if (prop == null || prop.equals("fast")) {
            return false;
        }
        if (prop.equals("naive")) {
            return true;
        }
        throw new UserError("-Ddlfs.matmul=" + prop + " is not allowed (give naive for the textbook loops, or fast)");
    }
}
