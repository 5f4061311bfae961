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
 *   <li><b>Four output rows per pass (register blocking).</b> The inner loop above loads {@code b[j]},
 *       loads and stores {@code c[j]}: memory-bound. Computing rows i..i+3 together uses each loaded
 *       {@code b[j]} four times: {@code c0[j] += a0*bj; c1[j] += a1*bj; c2[j] += a2*bj; c3[j] += a3*bj}.
 *       Rows left over (N not a multiple of 4) take the one-row loop.</li>
 *   <li><b>xᵀ·dout without a transpose.</b> Row d of dW is Σ_n x[n][d] · dout[n]: the same i-k-j loop
 *       with {@code a = x[n][d]}, which for four rows d..d+3 are four neighbouring values of {@code x[n]}.</li>
 *   <li><b>dout·Wᵀ through a copy of Wᵀ.</b> In place it is a dot product of two rows per output element
 *       (a reduction, which C2 does not vectorise for doubles): about 7 GFLOP/s here. W is small (784×100
 *       at most), so copying it into its transpose and running the i-k-j loop is 3–4× faster overall.</li>
 *   <li><b>Skipping zeros of a sparse left-hand side.</b> When a = 0 the whole sweep
 *       {@code c[j] += a * b[j]} adds nothing, so it can be skipped. MNIST images are about 80 % zero
 *       pixels: for the first layer (x·W and xᵀ·dout) the one-row loop that skips zero a's is 2–3× faster
 *       than the four-row block. For denser inputs (ReLU outputs are about half zero) the four-row block
 *       wins, so each product counts the zeros of its left-hand side first (cheap next to the product) and
 *       picks the loop. The result is the same either way: adding +0.0 changes no sum. (Only 0 · NaN or
 *       0 · ∞ would differ, so a right-hand side that is not all finite, as in a diverged net, takes the
 *       dense loop and gives NaN as numpy does.)</li>
 *   <li><b>Two threads only for big products.</b> Above {@link #PARALLEL_THRESHOLD} multiply-adds the output
 *       rows are split between threads (block boundaries at multiples of 4). Every output element is
 *       still summed over k in ascending order, so results are bit-identical for any thread count.
 *       {@code -Ddlfs.threads=1} keeps everything on the calling thread, for stepping in a debugger.</li>
 * </ol>
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

    /** x · W: (N,D)·(D,H) -> (N,H). */
    public static Matrix dot(Matrix x, Matrix W) {
        if (x.cols != W.rows) {
            throw new IllegalArgumentException("dot: x is " + x.shape() + " but W is " + W.shape()
                    + " (x.cols must equal W.rows)");
        }
        Matrix out = new Matrix(x.rows, W.cols);
        boolean sparse = isSparse(x) && !W.hasNonFinite();
        parallelRows(out.rows, (long) x.rows * x.cols * W.cols, (from, to) -> {
            if (sparse) {
                ikjSkipZeros(x.data, W.data, out.data, from, to);
            } else {
                ikj(x.data, W.data, out.data, from, to);
            }
        });
        return out;
    }

    /** xᵀ · dout: (N,D)ᵀ·(N,H) -> (D,H), written into {@code out} (e.g. Affine's dW). Returns out. */
    public static Matrix dotTransA(Matrix x, Matrix dout, Matrix out) {
        if (x.rows != dout.rows) {
            throw new IllegalArgumentException("dotTransA: x is " + x.shape() + " but dout is " + dout.shape()
                    + " (x.rows must equal dout.rows)");
        }
        if (out.rows != x.cols || out.cols != dout.cols) {
            throw new IllegalArgumentException("dotTransA: out is " + out.shape() + " but xᵀ·dout is "
                    + x.cols + "x" + dout.cols + " (out must be x.cols x dout.cols)");
        }
        boolean sparse = isSparse(x) && !dout.hasNonFinite();
        parallelRows(out.rows, (long) x.rows * x.cols * dout.cols, (from, to) -> {
            if (sparse) {
                ikjTransASkipZeros(x.data, dout.data, out.data, from, to);
            } else {
                ikjTransA(x.data, dout.data, out.data, from, to);
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
        Matrix t = new Matrix(W.cols, W.rows);
        for (int i = 0; i < W.rows; i++) {
            double[] row = W.data[i];
            for (int j = 0; j < W.cols; j++) {
                t.data[j][i] = row[j];
            }
        }
        return t;
    }

    /** Widest slice of C's columns one pass works on: 4 rows × 256 doubles = 8 KB, which stays in L1. */
    static final int MAX_TILE = 256;

    /**
     * C[from..to) = A[from..to) · B, i-k-j with four rows of C per pass. C rows must be zero. A wide C
     * (dout·Wᵀ is 128×784) is done in column slices of at most {@link #MAX_TILE}, so the four rows of C being
     * updated stay in the L1 cache while the whole of B streams past; each element is still summed over k
     * in ascending order.
     */
    private static void ikj(double[][] A, double[][] B, double[][] C, int from, int to) {
        int M = B[0].length;
        int tiles = (M + MAX_TILE - 1) / MAX_TILE;
        int tile = (M + tiles - 1) / tiles;                 // equal slices: 784 -> 4 × 196
        for (int j0 = 0; j0 < M; j0 += tile) {
            ikjColumns(A, B, C, from, to, j0, Math.min(M, j0 + tile));
        }
    }

    /** Columns j0..j1 of C[from..to) = A[from..to) · B. */
    private static void ikjColumns(double[][] A, double[][] B, double[][] C, int from, int to, int j0, int j1) {
        int K = B.length;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double[] a0 = A[i], a1 = A[i + 1], a2 = A[i + 2], a3 = A[i + 3];
            double[] c0 = C[i], c1 = C[i + 1], c2 = C[i + 2], c3 = C[i + 3];
            for (int k = 0; k < K; k++) {
                double x0 = a0[k], x1 = a1[k], x2 = a2[k], x3 = a3[k];
                double[] b = B[k];
                for (int j = j0; j < j1; j++) {
                    double bj = b[j];
                    c0[j] += x0 * bj;
                    c1[j] += x1 * bj;
                    c2[j] += x2 * bj;
                    c3[j] += x3 * bj;
                }
            }
        }
        for (; i < to; i++) {
            double[] a = A[i], c = C[i];
            for (int k = 0; k < K; k++) {
                double x = a[k];
                double[] b = B[k];
                for (int j = j0; j < j1; j++) {
                    c[j] += x * b[j];
                }
            }
        }
    }

    /** C[from..to) = A[from..to) · B, one row at a time, skipping the sweeps of zero a's. */
    private static void ikjSkipZeros(double[][] A, double[][] B, double[][] C, int from, int to) {
        int K = B.length, M = B[0].length;
        for (int i = from; i < to; i++) {
            double[] a = A[i], c = C[i];
            for (int k = 0; k < K; k++) {
                double x = a[k];
                if (x == 0) {
                    continue;
                }
                double[] b = B[k];
                for (int j = 0; j < M; j++) {
                    c[j] += x * b[j];
                }
            }
        }
    }

    /** As {@link #ikjTransA}, one row at a time, skipping the sweeps of zero x's. */
    private static void ikjTransASkipZeros(double[][] X, double[][] D, double[][] C, int from, int to) {
        int N = D.length, M = D[0].length;
        for (int d = from; d < to; d++) {
            double[] c = C[d];
            java.util.Arrays.fill(c, 0.0);
            for (int n = 0; n < N; n++) {
                double x = X[n][d];
                if (x == 0) {
                    continue;
                }
                double[] b = D[n];
                for (int j = 0; j < M; j++) {
                    c[j] += x * b[j];
                }
            }
        }
    }

    /** Share of zeros above which the zero-skipping one-row loops beat the four-row block (measured here). */
    static final double SPARSE_ZEROS = 0.6;

    /** Rows of A that {@link #isSparse} looks at: enough to tell 80 % zeros from 50 %, cheap next to the product. */
    static final int SPARSITY_SAMPLE_ROWS = 16;

    /**
     * Whether at least {@link #SPARSE_ZEROS} of the values in up to {@link #SPARSITY_SAMPLE_ROWS} evenly spaced
     * rows of A are zero. This only picks the faster loop; both loops give the same product.
     */
    static boolean isSparse(Matrix A) {
        int step = Math.max(1, A.rows / SPARSITY_SAMPLE_ROWS);
        long zeros = 0, counted = 0;
        for (int i = 0; i < A.rows; i += step) {
            for (double v : A.data[i]) {
                zeros += v == 0 ? 1 : 0;
            }
            counted += A.cols;
        }
        return zeros >= SPARSE_ZEROS * counted;
    }

    /** C[from..to) = (Xᵀ · D)[from..to): row d of C is Σ_n X[n][d] · D[n]. Clears those rows first. */
    private static void ikjTransA(double[][] X, double[][] D, double[][] C, int from, int to) {
        int N = D.length, M = D[0].length;
        for (int d = from; d < to; d++) {
            java.util.Arrays.fill(C[d], 0.0);
        }
        int d = from;
        for (; d + 3 < to; d += 4) {
            double[] c0 = C[d], c1 = C[d + 1], c2 = C[d + 2], c3 = C[d + 3];
            for (int n = 0; n < N; n++) {
                double[] x = X[n], b = D[n];
                double x0 = x[d], x1 = x[d + 1], x2 = x[d + 2], x3 = x[d + 3];
                for (int j = 0; j < M; j++) {
                    double bj = b[j];
                    c0[j] += x0 * bj;
                    c1[j] += x1 * bj;
                    c2[j] += x2 * bj;
                    c3[j] += x3 * bj;
                }
            }
        }
        for (; d < to; d++) {
            double[] c = C[d];
            for (int n = 0; n < N; n++) {
                double x = X[n][d];
                double[] b = D[n];
                for (int j = 0; j < M; j++) {
                    c[j] += x * b[j];
                }
            }
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
        int per = ((rows + n - 1) / n + 3) / 4 * 4;   // rows per thread, a multiple of 4
        Future<?>[] others = new Future<?>[n - 1];
        for (int t = 1; t < n; t++) {
            int from = Math.min(rows, t * per), to = Math.min(rows, (t + 1) * per);
            others[t - 1] = workers.submit(() -> task.compute(from, to));
        }
        task.compute(0, Math.min(rows, per));
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("MatMul: worker thread failed", e);
            }
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
