package dlfs.matrix;

/**
 * xᵀ · dout for a tall x and dout, many rows and few columns: the gradient of a convolution's filters,
 * {@code dW = np.dot(col.T, dout)}, with col (57 600, 25) and dout (57 600, 30) in the book's §7.5 network. The
 * long sums (one term per row, 57 600) are added row after row, n ascending, as the textbook loop adds them:
 * row h of outᵀ is Σ_n dout[n][h] · x[n], so each row n of x is read once per thread, whole, while the
 * D×H sums stay in the cache, and the terms whose factor dout[n][h] is ±0 (most of a gradient behind ReLU and
 * max pooling) are left out. Called by {@link MatMul#dotTransA(Matrix, Matrix, Matrix)}.
 */
final class MatMulTall {
    private MatMulTall() {
    }

    /** True for the shapes this kernel is for: at least 16 rows for each column of x and of dout. */
    static boolean fits(Matrix x, Matrix dout) {
        return x.rows >= 16L * Math.max(x.cols, dout.cols);
    }

    /** out = xᵀ · dout; the columns of dout (rows of outᵀ) are shared between the threads. Returns out. */
    static Matrix dotTransA(Matrix x, Matrix dout, Matrix out, int threads) {
        boolean skipZeros = !x.hasNonFinite();                       // 0 · NaN is NaN: then nothing is skipped
        double[][] outT = new double[dout.cols][x.cols];              // row h of outᵀ = column h of out
        MatMulThreads.Rows rows = (from, to) -> addRows(x.data, dout.data, outT, skipZeros, from, to);
        if (threads < 2 || dout.cols < 2) {
            rows.compute(0, dout.cols);
        } else {
            MatMulThreads.run(rows, dout.cols, (dout.cols + threads - 1) / threads, threads);
        }
        for (int d = 0; d < out.rows; d++) {                         // out = (outᵀ)ᵀ
            for (int h = 0; h < out.cols; h++) {
                out.data[d][h] = outT[h][d];
            }
        }
        return out;
    }

    /** Rows [from, to) of outᵀ: outT[h] += dout[n][h] · x[n] for n = 0, 1, …, in order. */
    private static void addRows(double[][] x, double[][] dout, double[][] outT, boolean skipZeros, int from, int to) {
        for (int n = 0; n < x.length; n++) {
            double[] a = dout[n], b = x[n];
            for (int h = from; h < to; h++) {
                double v = a[h];
                if (v == 0 && skipZeros) {                               // adds ±0 to a sum that is never −0
                    continue;
                }
                double[] c = outT[h];
                for (int d = 0; d < b.length; d++) {
                    c[d] += v * b[d];
                }
            }
        }
    }
}
