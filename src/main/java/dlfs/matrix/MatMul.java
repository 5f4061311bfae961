package dlfs.matrix;

import dlfs.util.UserError;
import java.util.Arrays;

/**
 * The three matrix products of the Affine layer (book §5.6.1, Figure 5-25), and the only file of the
 * project tuned for speed (with {@link MatMulThreads}, its worker threads):
 * <pre>
 *   dot(x, W)          = x · W      forward:   (N,D)·(D,H) -> (N,H)
 *   dotTransA(x, dout) = xᵀ · dout  dW:        (D,N)·(N,H) -> (D,H), x read in place
 *   dotTransB(dout, W) = dout · Wᵀ  dx:        (N,H)·(H,D) -> (N,D)
 * </pre>
 *
 * <h2>Stepping through a product</h2>
 * {@code -Ddlfs.matmul=naive} makes every product run the textbook triple loop ({@link #naiveDot} and its two
 * siblings), the reference the fast path is tested against: the results are the same to the last bit, only
 * slower. {@code -Ddlfs.threads=1} keeps every product on the calling thread. With both, stepping into
 * {@code MatMul.dot} lands in {@code naiveDot}. With only the second, it lands in {@link #dotRows} (for
 * xᵀ·dout in {@link #dotTransARows}), whose loop calls {@link #listTerms} and {@link #addTerms} for each
 * output row; the 10-wide products of the output layer go to {@link #dotTransAColumns} instead (see 6.).
 * With more threads a big product goes through {@link MatMulThreads#run}, which calls the same methods on
 * every thread, each for its own rows.
 *
 * <h2>How it is made fast (plain scalar Java that the JIT turns into vector code)</h2>
 * All three products come down to one step: a row of the result is a sum of rows of the right-hand matrix,
 * row i of x·W = Σ_k x[i][k] · W[k].
 * <ol>
 *   <li><b>i-k-j order.</b> The textbook i-j-k loop walks down a column of B, one cache line per
 *       multiply. Swapping the two inner loops gives
 *       <pre>for i: for k: a = A[i][k]; for j: C[i][j] += a * B[k][j]</pre>
 *       whose inner loop sweeps one row of C and one row of B front to back.</li>
 *   <li><b>Rows as separate arrays.</b> C2 (HotSpot's optimising JIT) vectorises {@code c[j] += a * b[j]}
 *       when {@code c} and {@code b} are two row arrays. Over offsets into one flat array it cannot rule
 *       out that the two ranges overlap and stays scalar, 3–4× slower (measured here on JDK 17 and 25).</li>
 *   <li><b>Skipping zeros.</b> When A[i][k] = 0, the sweep adds nothing and can be left out. Most inputs
 *       here are full of zeros: MNIST images are about 80 % zero pixels, ReLU outputs 35–45 %, and so are
 *       the gradients that come back through a ReLU. So each row first lists the k with A[i][k] ≠ 0
 *       ({@link #listTerms}), and then adds only those rows of B. Why no bit changes: a row of C starts at +0,
 *       and a rounded sum is −0 only when both addends are −0, so C never holds −0; adding a skipped term,
 *       ±0, would leave every value as it was. The result is the naive loop's, bit for bit. Only 0 · NaN and
 *       0 · ∞ are not ±0: if B holds a NaN or ∞ (a diverged net), nothing is skipped and C gets the NaNs that
 *       numpy gives.</li>
 *   <li><b>Four rows of B per sweep of C (register blocking over k).</b> The loop above loads and stores
 *       {@code c[j]} for every multiply-add. Adding four listed rows of B in one statement,
 *       {@code c[j] = c[j] + a0*b0[j] + a1*b1[j] + a2*b2[j] + a3*b3[j]}, loads and stores {@code c[j]}
 *       once per four multiply-adds. Java adds left to right, so each sum is exactly the one four separate
 *       updates (and the naive loop) give. The other blocking, four rows of C per pass with each
 *       {@code b[j]} used four times, is as fast on dense operands (about 15 GFLOP/s here) but cannot skip
 *       zeros, which differ from row to row. Doing both at once makes the loop body too big for C2 to
 *       unroll, and it stays scalar (about 9 GFLOP/s).</li>
 *   <li><b>xᵀ·dout without a transpose.</b> Row d of dW is Σ_n x[n][d] · dout[n]: the same step, with
 *       the factors copied from column d of x.</li>
 *   <li><b>Narrow outputs by columns.</b> The dW and x·W of the 10-wide output layer would sweep rows only
 *       10 long, too short for vector code (4–6 GFLOP/s). Read by columns, column h of dW is
 *       Σ_n dout[n][h] · x[n], the same step sweeping the 100-wide rows of x, and the column is then written
 *       into dW ({@link #dotTransAColumns}); about 3× faster. x·W is (xᵀ)ᵀ·W, so a copy of xᵀ goes the same
 *       way, with the 128-wide rows of xᵀ: about 1.5× faster, copy included. Each element is the same sum of
 *       the same products, so the bits do not change.</li>
 *   <li><b>dout·Wᵀ through a copy of Wᵀ.</b> In place it is a dot product of two rows per output element
 *       (a reduction, which C2 does not vectorise for doubles): about 4–5 GFLOP/s here. W is small (784×100
 *       at most), so copying it into its transpose and using the same step is 2–5× faster.</li>
 *   <li><b>Both cores for every product that can pay for the hand-off.</b> Above {@link #PARALLEL_THRESHOLD}
 *       multiply-adds the output rows are shared between the calling thread and worker threads, one thread
 *       per core by default ({@link MatMulThreads}). Between products a worker spins for up to 0.5 ms
 *       before it parks, so during training a hand-off costs about a microsecond instead of the 8–70 µs of
 *       waking a parked thread, and an idle program uses no CPU. Each output row is computed whole by one
 *       thread with its sum over k in ascending order, so the results are bit-identical for any thread
 *       count.</li>
 * </ol>
 * Measured figures for every shape of the workload: {@code dlfs.bench.MatMulBenchmark} (see docs/SPEED.md).
 */
public final class MatMul {
    /**
     * Products with fewer multiply-adds than this run on the calling thread. Measured here: the 10-wide
     * products of the output layer (128 k) gain nothing from a second thread, because the rows the worker
     * wrote must then travel to the caller's core; 320 k gain 1.5×, the 100×100 products (1.3 M) 1.5–1.6×.
     */
    static final long PARALLEL_THRESHOLD = 200_000L;
    /** The threshold in use: tests set it to 0 to share even the smallest products between threads. */
    static long parallelThreshold = PARALLEL_THRESHOLD;

    /** Outputs narrower than this are computed by columns (see 6. above). */
    public static final int NARROW = 16;

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
        if (W.cols < NARROW && W.cols < x.cols) {                  // x·W = (xᵀ)ᵀ·W, by columns: see 6. above
            return dotTransA(transpose(x), W, new Matrix(x.rows, W.cols));
        }
        boolean skipZeros = !W.hasNonFinite();                     // see 3. above
        double[][] out = new double[x.rows][];                     // its rows are made by dotRows
        if (oneThread(x.rows, (long) x.rows * x.cols * W.cols)) {
            dotRows(x.data, W.data, out, skipZeros, 0, x.rows);
        } else {
            share(new Part(Kernel.DOT_ROWS, x.data, W.data, out, skipZeros), x.rows);
        }
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
        if (dout.cols < NARROW && dout.cols < x.cols) {
            return dotTransAByColumns(x, dout, out);                 // see 6. above
        }
        boolean skipZeros = !dout.hasNonFinite();                    // the zeros of x are skipped
        if (oneThread(out.rows, (long) x.rows * x.cols * dout.cols)) {
            dotTransARows(x.data, dout.data, out.data, skipZeros, 0, out.rows);
        } else {
            share(new Part(Kernel.TRANS_A_ROWS, x.data, dout.data, out.data, skipZeros), out.rows);
        }
        return out;
    }

    /** xᵀ · dout for a narrow dout, by columns (see 6. above), written into out. Returns out. */
    private static Matrix dotTransAByColumns(Matrix x, Matrix dout, Matrix out) {
        boolean skipZeros = !x.hasNonFinite();                       // the zeros of dout are skipped
        double[][] outT = new double[out.cols][];                    // column h of out is row h of outT
        if (oneThread(out.cols, (long) x.rows * x.cols * dout.cols)) {
            dotTransAColumns(x.data, dout.data, outT, skipZeros, 0, out.cols);
        } else {
            share(new Part(Kernel.TRANS_A_COLUMNS, x.data, dout.data, outT, skipZeros), out.cols);
        }
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

    /** dout · Wᵀ: (N,H)·(D,H)ᵀ -> (N,D), computed as dout · (a copy of Wᵀ), see 7. above. */
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
        double[][] T = out.data;
        int j = 0;
        for (; j + 3 < W.cols; j += 4) {                 // four rows of Wᵀ per pass down W
            double[] t0 = T[j], t1 = T[j + 1], t2 = T[j + 2], t3 = T[j + 3];
            for (int i = 0; i < W.rows; i++) {
                double[] w = W.data[i];
                t0[i] = w[j];
                t1[i] = w[j + 1];
                t2[i] = w[j + 2];
                t3[i] = w[j + 3];
            }
        }
        for (; j < W.cols; j++) {
            for (int i = 0; i < W.rows; i++) {
                T[j][i] = W.data[i][j];
            }
        }
        return out;
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
     * Rows [from, to) of out = x · W: out[i] = Σ_k x[i][k] · W[k], the zeros of x left out if skipZeros.
     * Each row is a new array made here, so that it starts out in the cache of the core that fills it (rows
     * that two threads fill side by side in one block of memory would share a cache line at their border).
     */
    private static void dotRows(double[][] x, double[][] W, double[][] out, boolean skipZeros, int from, int to) {
        int[] k = new int[W.length];                               // the terms of row i: its k with x[i][k] ≠ 0
        for (int i = from; i < to; i++) {
            int n = listTerms(x[i], skipZeros, k);
            out[i] = new double[W[0].length];
            addTerms(out[i], x[i], k, n, W);                       // out[i] = Σ_k x[i][k] · W[k]
        }
    }

    /** Rows [from, to) of out = xᵀ · dout: out[d] = Σ_n x[n][d] · dout[n], the zeros of x left out if skipZeros. */
    private static void dotTransARows(double[][] x, double[][] dout, double[][] out, boolean skipZeros,
                                      int from, int to) {
        double[] xd = new double[x.length];                        // column d of x
        int[] n = new int[x.length];                               // the terms: the n with x[n][d] ≠ 0
        for (int d = from; d < to; d++) {
            int count = 0;
            for (int i = 0; i < x.length; i++) {                   // column d of x, and its terms
                xd[i] = x[i][d];
                n[count] = i;
                count += skipZeros && xd[i] == 0 ? 0 : 1;
            }
            clearFrom(n, count);
            Arrays.fill(out[d], 0.0);
            addTerms(out[d], xd, n, count, dout);                  // out[d] = Σ_n x[n][d] · dout[n]
        }
    }

    /**
     * Columns [from, to) of out = xᵀ · dout for a narrow dout (see 6. above), each written as a row of
     * outT = outᵀ: column h of out is outT[h] = Σ_n dout[n][h] · x[n], the zeros of dout left out if skipZeros.
     * Each row is a new array made here, as in {@link #dotRows}.
     */
    private static void dotTransAColumns(double[][] x, double[][] dout, double[][] outT, boolean skipZeros,
                                         int from, int to) {
        double[] douth = new double[dout.length];                  // column h of dout
        int[] n = new int[dout.length];                            // the terms: the n with dout[n][h] ≠ 0
        for (int h = from; h < to; h++) {
            for (int i = 0; i < dout.length; i++) {
                douth[i] = dout[i][h];
            }
            int count = listTerms(douth, skipZeros, n);
            outT[h] = new double[x[0].length];
            addTerms(outT[h], douth, n, count, x);                 // column h of out = Σ_n dout[n][h] · x[n]
        }
    }

    /**
     * Lists into k, ascending, the positions p of a whose term a[p] · B[p] is to be added: every p, or only
     * those with a[p] ≠ 0 if skipZeros (see 3. above). Returns how many; the rest of k is -1.
     */
    private static int listTerms(double[] a, boolean skipZeros, int[] k) {
        int n = 0;
        for (int p = 0; p < a.length; p++) {
            k[n] = p;
            n += skipZeros && a[p] == 0 ? 0 : 1;                   // keep p: move on to the next slot
        }
        clearFrom(k, n);
        return n;
    }

    /**
     * Sets k[n..] to -1, so that a debugger shows nothing left over from an earlier row. What is left over
     * ends at the first -1, since every row clears up to there: this costs only the difference of two rows.
     */
    private static void clearFrom(int[] k, int n) {
        for (int q = n; q < k.length && k[q] != -1; q++) {
            k[q] = -1;
        }
    }

    /** c += Σ a[k[p]] · B[k[p]] over p = 0..n-1 in turn: four rows of B per sweep of c (see 4. above), then one. */
    private static void addTerms(double[] c, double[] a, int[] k, int n, double[][] B) {
        int p = 0;
        for (; p + 3 < n; p += 4) {
            double a0 = a[k[p]], a1 = a[k[p + 1]], a2 = a[k[p + 2]], a3 = a[k[p + 3]];
            double[] b0 = B[k[p]], b1 = B[k[p + 1]], b2 = B[k[p + 2]], b3 = B[k[p + 3]];
            for (int j = 0; j < c.length; j++) {
                c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];   // added left to right
            }
        }
        for (; p < n; p++) {
            double ap = a[k[p]];
            double[] bp = B[k[p]];
            for (int j = 0; j < c.length; j++) {
                c[j] += ap * bp[j];
            }
        }
    }

    // ------------------------------------------------------------------ threads

    private enum Kernel { DOT_ROWS, TRANS_A_ROWS, TRANS_A_COLUMNS }

    /** One product as the worker threads see it: which row method, on which matrices. */
    private static final class Part implements MatMulThreads.Rows {
        final Kernel kernel;
        final double[][] a;
        final double[][] b;
        final double[][] out;
        final boolean skipZeros;

        Part(Kernel kernel, double[][] a, double[][] b, double[][] out, boolean skipZeros) {
            this.kernel = kernel;
            this.a = a;
            this.b = b;
            this.out = out;
            this.skipZeros = skipZeros;
        }

        @Override
        public void compute(int from, int to) {
            switch (kernel) {
                case DOT_ROWS -> dotRows(a, b, out, skipZeros, from, to);
                case TRANS_A_ROWS -> dotTransARows(a, b, out, skipZeros, from, to);
                case TRANS_A_COLUMNS -> dotTransAColumns(a, b, out, skipZeros, from, to);
            }
        }
    }

    /** True if a product of this many multiply-adds over this many rows (or columns) stays on the calling thread. */
    private static boolean oneThread(int rows, long multiplyAdds) {
        return rows < 2 || multiplyAdds < parallelThreshold || threads() == 1;
    }

    /** Shares the rows of {@code part} between the threads, in chunks of about an eighth of a thread's share. */
    private static void share(Part part, int rows) {
        int n = threads();
        MatMulThreads.run(part, rows, Math.max(1, rows / (8 * n)), n);
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
     * {@code -Ddlfs.threads=N} instead). Results do not depend on it.
     */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("MatMul.setThreads: n=" + n + " must be >= 1");
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
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new UserError("-Ddlfs.threads=" + prop + " is not allowed (give a whole number >= 1)");
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
