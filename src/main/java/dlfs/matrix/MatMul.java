package dlfs.matrix;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The three matrix products of the Affine layer (book §5.6.1, Figure 5-25), and the only file of the
 * project tuned for speed:
 * <pre>
 *   dot(x, W)          = x · W      forward:   (N,D)·(D,H) -> (N,H)
 *   dotTransA(x, dout) = xᵀ · dout  dW:        (D,N)·(N,H) -> (D,H), x read in place
 *   dotTransB(dout, W) = dout · Wᵀ  dx:        (N,H)·(H,D) -> (N,D)
 * </pre>
 * All three come down to one step, {@link Terms#addTo}: a row of the result is a sum of rows of the
 * right-hand matrix, row i of x·W = Σ_k x[i][k] · W[k].
 *
 * <h2>How it is made fast (plain scalar Java that the JIT turns into vector code)</h2>
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
 *       the gradients that come back through a ReLU. So each row first lists its terms, the A[i][k] ≠ 0
 *       and their k's ({@link Terms}), and then adds only those rows of B. Why no bit changes: a row of C
 *       starts at +0, and a rounded sum is −0 only when both addends are −0, so C never holds −0; adding a
 *       skipped term, ±0, would leave every value as it was. The result is the naive loop's, bit for bit.
 *       Only 0 · NaN and 0 · ∞ are not ±0: if B holds a NaN or ∞ (a diverged net), nothing is skipped and
 *       C gets the NaNs that numpy gives.</li>
 *   <li><b>Four rows of B per sweep of C (register blocking over k).</b> The loop above loads and stores
 *       {@code c[j]} for every multiply-add. Adding four listed rows of B in one statement,
 *       {@code c[j] = c[j] + a0*b0[j] + a1*b1[j] + a2*b2[j] + a3*b3[j]}, loads and stores {@code c[j]}
 *       once per four multiply-adds. Java adds left to right, so each sum is exactly the one four separate
 *       updates (and the naive loop) give. The other blocking, four rows of C per pass with each
 *       {@code b[j]} used four times, is as fast on dense operands (about 15 GFLOP/s here) but cannot skip
 *       zeros, which differ from row to row. Doing both at once makes the loop body too big for C2 to
 *       unroll, and it stays scalar (about 9 GFLOP/s).</li>
 *   <li><b>xᵀ·dout without a transpose.</b> Row d of dW is Σ_n x[n][d] · dout[n]: the same step, with
 *       the terms read down column d of x.</li>
 *   <li><b>Narrow outputs turned round.</b> dW of the 10-wide output layer would sweep rows only 10 long,
 *       too short for vector code (about 4 GFLOP/s). Its transpose, doutᵀ·x, sweeps the 100-wide rows of x,
 *       and copying the 10×100 result back costs little: about 3× faster overall. Each element is the
 *       same sum of the same products, so the bits do not change.</li>
 *   <li><b>dout·Wᵀ through a copy of Wᵀ.</b> In place it is a dot product of two rows per output element
 *       (a reduction, which C2 does not vectorise for doubles): about 4–5 GFLOP/s here. W is small (784×100
 *       at most), so copying it into its transpose and using the same step is 2–5× faster.</li>
 *   <li><b>Threads only for big products.</b> Above {@link #PARALLEL_THRESHOLD} multiply-adds the output
 *       rows are split between threads, one per core by default (two here; they pay off on the 784-wide
 *       first layer only). Every output element is still summed over k in ascending order,
 *       so results are bit-identical for any thread count. {@code -Ddlfs.threads=1} keeps everything on
 *       the calling thread, for stepping in a debugger.</li>
 * </ol>
 * Measured figures for every shape of the workload: {@code dlfs.bench.MatMulBenchmark} (see the README).
 * The naive triple loop that these are checked against lives in the tests ({@code NaiveMatMul}).
 */
public final class MatMul {
    /** Products with fewer multiply-adds than this run on one thread (thread hand-off costs more). */
    static final long PARALLEL_THRESHOLD = 4_000_000L;

    /** {@code -Ddlfs.profile=true} makes the products add up their time (for TrainingLoopBenchmark only). */
    private static final boolean PROFILE = Boolean.getBoolean("dlfs.profile");
    private static final java.util.concurrent.atomic.AtomicLong profiledNanos = new java.util.concurrent.atomic.AtomicLong();

    private static volatile int threads = threadCount();
    private static ExecutorService pool;   // threads - 1 daemon workers, created on first use

    private MatMul() {
    }

    /** x · W: (N,D)·(D,H) -> (N,H). Row i of the result is Σ_k x[i][k] · W[k]. */
    public static Matrix dot(Matrix x, Matrix W) {
        if (x.cols != W.rows) {
            throw new IllegalArgumentException("dot: x is " + x.shape() + " but W is " + W.shape()
                    + " (x.cols must equal W.rows)");
        }
        Matrix out = new Matrix(x.rows, W.cols);
        boolean skipZeros = !W.hasNonFinite();
        parallelRows(out.rows, (long) x.rows * x.cols * W.cols, (from, to) -> {
            Terms terms = new Terms(x.cols);
            for (int i = from; i < to; i++) {
                terms.listRow(x.data[i], skipZeros);                  // the x[i][k] ≠ 0 and their k's
                terms.addTo(out.data[i], W.data);                     // out[i] = Σ_k x[i][k] · W[k]
            }
        });
        return out;
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
        if (dout.cols < NARROW && dout.cols < x.cols) {
            return transposeInto(dotTransA(dout, x), out);           // (doutᵀ · x)ᵀ, see 6. above
        }
        boolean skipZeros = !dout.hasNonFinite();
        parallelRows(out.rows, (long) x.rows * x.cols * dout.cols, (from, to) -> {
            Terms terms = new Terms(x.rows);
            for (int d = from; d < to; d++) {
                terms.listColumn(x.data, d, skipZeros);               // the x[n][d] ≠ 0 and their n's
                java.util.Arrays.fill(out.data[d], 0.0);
                terms.addTo(out.data[d], dout.data);                  // out[d] = Σ_n x[n][d] · dout[n]
            }
        });
        return out;
    }

    /** xᵀ · dout as a new (D,H) matrix. */
    public static Matrix dotTransA(Matrix x, Matrix dout) {
        return dotTransA(x, dout, new Matrix(x.cols, dout.cols));
    }

    /** dout · Wᵀ: (N,H)·(D,H)ᵀ -> (N,D). */
    public static Matrix dotTransB(Matrix dout, Matrix W) {
        if (dout.cols != W.cols) {
            throw new IllegalArgumentException("dotTransB: dout is " + dout.shape() + " but W is " + W.shape()
                    + " (dout.cols must equal W.cols)");
        }
        return dot(dout, transpose(W));
    }

    /** Wᵀ as a new matrix. */
    public static Matrix transpose(Matrix W) {
        return transposeInto(W, new Matrix(W.cols, W.rows));
    }

    /** Outputs narrower than this are computed transposed by dotTransA (see 6. above). */
    public static final int NARROW = 16;

    /** out = Tᵀ. Returns out. */
    private static Matrix transposeInto(Matrix T, Matrix out) {
        for (int i = 0; i < T.rows; i++) {
            double[] row = T.data[i];
            for (int j = 0; j < T.cols; j++) {
                out.data[j][i] = row[j];
            }
        }
        return out;
    }

    /**
     * The terms of one output row, c = Σ a_k · B[k]: the factors a_k (leaving out the zeros when skipZeros)
     * and the rows k of B they multiply, in ascending k (see 3. and 4. above). One per range of rows, reused
     * from row to row.
     */
    private static final class Terms {
        final double[] a;    // a[0..n): the factors
        final int[] k;       // k[0..n): which row of B each one multiplies
        int n;

        Terms(int capacity) {
            a = new double[capacity];
            k = new int[capacity];
        }

        /** The terms of row i of A·B: A[i][k] for every k (only the non-zero ones if skipZeros). */
        void listRow(double[] Ai, boolean skipZeros) {
            n = 0;
            for (int kk = 0; kk < Ai.length; kk++) {
                a[n] = Ai[kk];
                k[n] = kk;
                n += skipZeros && Ai[kk] == 0 ? 0 : 1;            // keep it: move on to the next slot
            }
        }

        /** The terms of row d of Xᵀ·B: X[kk][d] for every kk, read down column d of X in place. */
        void listColumn(double[][] X, int d, boolean skipZeros) {
            n = 0;
            for (int kk = 0; kk < X.length; kk++) {
                double v = X[kk][d];
                a[n] = v;
                k[n] = kk;
                n += skipZeros && v == 0 ? 0 : 1;
            }
        }

        /** c += Σ a[p] · B[k[p]], p ascending, four rows of B per sweep of c (then two, then one). */
        void addTo(double[] c, double[][] B) {
            int p = 0;
            for (; p + 3 < n; p += 4) {
                addRows(c, a[p], B[k[p]], a[p + 1], B[k[p + 1]], a[p + 2], B[k[p + 2]], a[p + 3], B[k[p + 3]]);
            }
            if (p + 1 < n) {
                addRows(c, a[p], B[k[p]], a[p + 1], B[k[p + 1]]);
                p += 2;
            }
            if (p < n) {
                addRow(c, a[p], B[k[p]]);
            }
        }
    }

    /** c += a0·b0 + a1·b1 + a2·b2 + a3·b3, added left to right: the same sums as four calls of addRow. */
    private static void addRows(double[] c, double a0, double[] b0, double a1, double[] b1,
                                double a2, double[] b2, double a3, double[] b3) {
        for (int j = 0; j < c.length; j++) {
            c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    /** c += a0·b0 + a1·b1, added left to right. */
    private static void addRows(double[] c, double a0, double[] b0, double a1, double[] b1) {
        for (int j = 0; j < c.length; j++) {
            c[j] = c[j] + a0 * b0[j] + a1 * b1[j];
        }
    }

    /** c += a·b. */
    private static void addRow(double[] c, double a, double[] b) {
        for (int j = 0; j < c.length; j++) {
            c[j] += a * b[j];
        }
    }

    private interface RowRange {
        void compute(int from, int to);
    }

    /** Runs {@code task} over output rows 0..rows, split between threads when the product is big enough. */
    private static void parallelRows(int rows, long multiplyAdds, RowRange task) {
        long start = PROFILE ? System.nanoTime() : 0;
        splitRows(rows, multiplyAdds, task);
        if (PROFILE) {
            profiledNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Nanoseconds spent in products since the last call, if {@code -Ddlfs.profile=true}; else 0. */
    public static long takeProfiledNanos() {
        return profiledNanos.getAndSet(0);
    }

    private static void splitRows(int rows, long multiplyAdds, RowRange task) {
        int n = threads;
        if (n == 1 || multiplyAdds < PARALLEL_THRESHOLD || rows < 8) {
            task.compute(0, rows);
            return;
        }
        ExecutorService workers = pool(n);
        int per = (rows + n - 1) / n;                  // rows per thread
        Future<?>[] others = new Future<?>[n - 1];
        for (int t = 1; t < n; t++) {
            int from = Math.min(rows, t * per), to = Math.min(rows, (t + 1) * per);
            others[t - 1] = workers.submit(() -> task.compute(from, to));
        }
        try {
            task.compute(0, Math.min(rows, per));
        } finally {
            awaitAll(others);                           // even if this thread's part failed
        }
    }

    /** Waits for every worker, then reports the first that failed. */
    private static void awaitAll(Future<?>[] workers) {
        Exception failure = null;
        for (Future<?> f : workers) {
            try {
                f.get();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("MatMul: worker thread failed", failure);
        }
    }

    /** Thread count: {@code -Ddlfs.threads=N} if given, else the number of cores. */
    static int threadCount() {
        String prop = System.getProperty("dlfs.threads");
        int cores = Runtime.getRuntime().availableProcessors();
        if (prop == null) {
            return cores;
        }
        try {
            int n = Integer.parseInt(prop.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("-Ddlfs.threads=" + prop + " is not allowed (give a whole number >= 1)");
    }

    private static synchronized ExecutorService pool(int n) {
        if (pool == null || ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize() != n - 1) {
            if (pool != null) {
                pool.shutdown();
            }
            pool = Executors.newFixedThreadPool(n - 1, r -> {
                Thread t = new Thread(r, "dlfs-matmul");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** The number of threads the big products use. */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads for the big products (benchmarks and tests compare 1 and 2; a user sets
     * {@code -Ddlfs.threads=N} instead). Results do not depend on it.
     */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("MatMul.setThreads: n=" + n + " must be >= 1");
        }
        threads = n;
    }
}
