package dlfs.matrix;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;

/**
 * A dense matrix of doubles stored as one array per row, the numpy 2-D array of the book.
 *
 * <p>Rows are separate arrays ({@code double[][]}) on purpose: the JIT vectorises
 * {@code c[j] += a * b[j]} over two row arrays but not the same loop over offsets into one flat
 * array (see {@link MatMul}), and an IDE's debugger shows rows best. Hot code reads {@link #data}
 * directly; {@link #get} and {@link #set} check their indices.
 */
public final class Matrix {
    public final int rows;
    public final int cols;
    /** data[i] is row i, of length {@code cols}. */
    public final double[][] data;

    /** A rows×cols matrix of zeros (numpy {@code np.zeros((rows, cols))}). */
    public Matrix(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(
                    "Matrix: shape " + rows + "x" + cols + " is not allowed (rows and cols must be >= 1)");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = new double[rows][cols];
    }

    /** Wraps the given rows (no copy). All rows must have the same, non-zero length. */
    public Matrix(double[][] data) {
        if (data.length == 0 || data[0].length == 0) {
            throw new IllegalArgumentException("Matrix: empty data (need at least 1 row and 1 column)");
        }
        for (int i = 1; i < data.length; i++) {
            if (data[i].length != data[0].length) {
                throw new IllegalArgumentException("Matrix: row " + i + " has " + data[i].length
                        + " values but row 0 has " + data[0].length + " (rows must have equal length)");
            }
        }
        this.rows = data.length;
        this.cols = data[0].length;
        this.data = data;
    }

    /** A copy of the given rows (e.g. {@code Matrix.of(new double[][] {{1, 2}, {3, 4}})}). */
    public static Matrix of(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return new Matrix(copy);
    }

    /** A 1×n row vector. */
    public static Matrix row(double... values) {
        return new Matrix(new double[][] {values.clone()});
    }

    public double get(int i, int j) {
        checkIndex("get", i, j);
        return data[i][j];
    }

    public void set(int i, int j, double value) {
        checkIndex("set", i, j);
        data[i][j] = value;
    }

    private void checkIndex(String op, int i, int j) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException(op + ": row " + i + " is outside 0.." + (rows - 1) + " of " + shape());
        }
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(op + ": column " + j + " is outside 0.." + (cols - 1) + " of " + shape());
        }
    }

    /** "100x784". */
    public String shape() {
        return rows + "x" + cols;
    }

    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    /** Throws unless {@code other} has this matrix's shape; the message names the operation and both shapes. */
    public void requireSameShape(String op, Matrix other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException(op + ": shapes " + shape() + " and " + other.shape()
                    + " differ (they must be equal)");
        }
    }

    public Matrix copy() {
        return of(data);
    }

    /** Rows idx[0], idx[1], … copied into a new matrix (numpy {@code x[idx]}, e.g. {@code x_train[batch_mask]}). */
    public Matrix selectRows(int[] idx) {
        if (idx.length == 0) {
            throw new IllegalArgumentException("selectRows: no indices (need at least one row of " + shape() + ")");
        }
        double[][] out = new double[idx.length][];
        for (int n = 0; n < idx.length; n++) {
            if (idx[n] < 0 || idx[n] >= rows) {
                throw new IndexOutOfBoundsException("selectRows: idx[" + n + "] = " + idx[n] + " is outside 0.."
                        + (rows - 1) + " of " + shape());
            }
            out[n] = data[idx[n]].clone();
        }
        return new Matrix(out);
    }

    /** Copies {@code src} into this matrix. */
    public void copyFrom(Matrix src) {
        requireSameShape("copyFrom", src);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src.data[i], 0, data[i], 0, cols);
        }
    }

    public void fill(double value) {
        for (double[] row : data) {
            Arrays.fill(row, value);
        }
    }

    /** this += other, elementwise. Returns this. */
    public Matrix addInPlace(Matrix other) {
        requireSameShape("add", other);
        for (int i = 0; i < rows; i++) {
            double[] a = data[i], b = other.data[i];
            for (int j = 0; j < cols; j++) {
                a[j] += b[j];
            }
        }
        return this;
    }

    /** this += scale · other, elementwise (numpy {@code a += s * b}). Returns this. */
    public Matrix addScaledInPlace(double scale, Matrix other) {
        requireSameShape("addScaled", other);
        for (int i = 0; i < rows; i++) {
            double[] a = data[i], b = other.data[i];
            for (int j = 0; j < cols; j++) {
                a[j] += scale * b[j];
            }
        }
        return this;
    }

    /** this *= s. Returns this. */
    public Matrix scaleInPlace(double s) {
        for (double[] row : data) {
            for (int j = 0; j < cols; j++) {
                row[j] *= s;
            }
        }
        return this;
    }

    /**
     * Adds the 1×cols row vector {@code b} to every row (numpy broadcasting of {@code x + b}); a big matrix (a
     * convolution's 57 600 rows) shares its rows with the worker threads ({@link Parallel}). Returns this.
     */
    public Matrix addRowVectorInPlace(Matrix b) {
        if (b.rows != 1 || b.cols != cols) {
            throw new IllegalArgumentException("addRowVector: matrix is " + shape() + " but b is " + b.shape()
                    + " (b must be 1x" + cols + ")");
        }
        double[] bias = b.data[0];
        Parallel.forEach(rows, (long) rows * cols, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] row = data[i];
                for (int j = 0; j < cols; j++) {
                    row[j] += bias[j];
                }
            }
        });
        return this;
    }

    /**
     * Column sums into the 1×cols matrix {@code out} (numpy {@code np.sum(x, axis=0)}): the rows are added in
     * order, as numpy does along the batch axis of a C-ordered array. Returns out.
     */
    public Matrix sumColumnsInto(Matrix out) {
        if (out.rows != 1 || out.cols != cols) {
            throw new IllegalArgumentException("sumColumns: matrix is " + shape() + " but out is " + out.shape()
                    + " (out must be 1x" + cols + ")");
        }
        double[] sum = out.data[0];
        Arrays.fill(sum, 0.0);
        for (double[] row : data) {
            for (int j = 0; j < cols; j++) {
                sum[j] += row[j];
            }
        }
        return out;
    }

    /** Column sums as a new 1×cols matrix. */
    public Matrix sumColumns() {
        return sumColumnsInto(new Matrix(1, cols));
    }

    /** The elements row after row in one new array (numpy {@code x.ravel()} of a C-ordered array). */
    public double[] flatten() {
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    /** Sum of all elements, added in numpy's order ({@code np.sum(x)}, see {@link PairwiseSum}). */
    public double sum() {
        return PairwiseSum.of(flatten());
    }

    /** Sum of squares of all elements, as numpy computes {@code np.sum(W**2)}: the squares, then their pairwise sum. */
    public double sumOfSquares() {
        double[] W2 = flatten();                           // W**2 (a new array, as numpy makes)
        for (int k = 0; k < W2.length; k++) {
            W2[k] *= W2[k];
        }
        return PairwiseSum.of(W2);
    }

    /**
     * Index of the largest value in each row (numpy {@code np.argmax(y, axis=1)}). Like numpy, the first
     * maximum wins, and a NaN counts as the maximum, so a row of NaN gives 0.
     */
    public int[] argmaxRows() {
        return argmaxOfRuns(cols);
    }

    /**
     * Each row cut into runs of {@code length} values, the argmax of each run (0 .. length − 1), run after run:
     * numpy's {@code np.argmax(x.reshape(-1, length), axis=1)} (pooling's one row per window and channel), with
     * numpy's rules as {@link #argmaxRows()}. Rows are shared with the worker threads ({@link Parallel}).
     */
    public int[] argmaxOfRuns(int length) {
        int runs = runsPerRow("argmaxOfRuns", length);
        int[] result = new int[rows * runs];
        Parallel.forEach(rows, (long) rows * cols, (from, to) -> {
            double[] max = new double[runs];
            for (int i = from; i < to; i++) {
                argmaxOfRuns(data[i], length, runs, result, i * runs, max);
            }
        });
        return result;
    }

    /**
     * Each row cut into runs of {@code length} values, the largest value of each run, as a rows×(cols / length)
     * matrix: numpy's {@code np.max(x.reshape(-1, length), axis=1).reshape(rows, -1)}. It is the value at
     * {@link #argmaxOfRuns}'s index, so a run with a NaN gives NaN, as numpy's.
     */
    public Matrix maxOfRuns(int length) {
        int runs = runsPerRow("maxOfRuns", length);
        Matrix out = new Matrix(rows, runs);
        Parallel.forEach(rows, (long) rows * cols, (from, to) -> {
            int[] best = new int[runs];
            for (int i = from; i < to; i++) {
                argmaxOfRuns(data[i], length, runs, best, 0, out.data[i]);
            }
        });
        return out;
    }

    private int runsPerRow(String op, int length) {
        if (length < 1 || cols % length != 0) {
            throw new IllegalArgumentException(op + ": matrix is " + shape() + " but runs of " + length
                    + " do not divide its rows (need a length >= 1 that divides " + cols + ")");
        }
        return cols / length;
    }

    /**
     * np.argmax and np.max of the runs row[r·length .. (r + 1)·length), r = 0 .. runs − 1, into best[at + r] and
     * max[r]: place j of every run in turn, so that the inner loop goes over the runs (a loop over a run's few
     * places costs more than its work). {@code best} moves by arithmetic, not by a branch, which would guess wrong
     * for about every other window of a ReLU output. A NaN makes max NaN; then the run's first NaN is the
     * answer, as numpy's.
     */
    private static void argmaxOfRuns(double[] row, int length, int runs, int[] best, int at, double[] max) {
        if (length == 4) {
            argmaxOfFours(row, runs, best, at, max);
            return;
        }
        for (int r = 0; r < runs; r++) {
            max[r] = row[r * length];
            best[at + r] = 0;
        }
        for (int j = 1; j < length; j++) {
            for (int r = 0; r < runs; r++) {
                double v = row[r * length + j], m = max[r];
                int b = best[at + r];
                int gt = v > m ? 1 : 0;
                best[at + r] = b + gt * (j - b);
                max[r] = Math.max(m, v);
            }
        }
        for (int r = 0; r < runs; r++) {
            if (max[r] != max[r]) {
                int j = 0;
                while (row[r * length + j] == row[r * length + j]) {
                    j++;
                }
                best[at + r] = j;
            }
            max[r] = row[r * length + best[at + r]];
        }
    }

    /** {@link #argmaxOfRuns(double[], int, int, int[], int, double[])} for runs of 4 (2×2 pooling), written out. */
    private static void argmaxOfFours(double[] row, int runs, int[] best, int at, double[] max) {
        for (int r = 0, p = 0; r < runs; r++, p += 4) {
            double m = row[p], v1 = row[p + 1], v2 = row[p + 2], v3 = row[p + 3];
            int b = v1 > m ? 1 : 0;
            m = Math.max(m, v1);
            int gt = v2 > m ? 1 : 0;
            b += gt * (2 - b);
            m = Math.max(m, v2);
            gt = v3 > m ? 1 : 0;
            b += gt * (3 - b);
            m = Math.max(m, v3);
            if (m != m) {                                  // a NaN: the first one, as numpy's
                b = 0;
                while (row[p + b] == row[p + b]) {
                    b++;
                }
            }
            best[at + r] = b;
            max[r] = row[p + b];
        }
    }

    /**
     * True if any element is NaN or infinite. 0·v is ±0 for a finite v and NaN for NaN or ±∞, and a NaN stays
     * NaN through the sums: a loop the JIT vectorises, four rows per pass (it runs on every input and every
     * matrix product).
     */
    public boolean hasNonFinite() {
        double[] sums = new double[cols];
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double[] r0 = data[i], r1 = data[i + 1], r2 = data[i + 2], r3 = data[i + 3];
            for (int j = 0; j < cols; j++) {
                sums[j] += 0.0 * r0[j] + 0.0 * r1[j] + 0.0 * r2[j] + 0.0 * r3[j];
            }
        }
        for (; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sums[j] += 0.0 * data[i][j];
            }
        }
        for (double s : sums) {
            if (Double.isNaN(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line for a debugger's variables pane: the shape, what tells a healthy matrix from a sick one, then the
     * leading values of the first rows, e.g.
     * {@code Matrix 128x784 min=0 max=1 mean=0.1307 mean|x|=0.1307 zeros=80.9% nan/inf=0 [[0, 0, 0, 0, …], …]}.
     * Min, max and the means are over the finite values. Corner values alone mislead: MNIST's border pixels are
     * 0 in every image, so a batch (and the dW1 computed from it) would look empty.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix ").append(shape()).append(statistics(data, (long) rows * cols))
                .append(" [");
        for (int i = 0; i < Math.min(rows, 2); i++) {
            appendRow(s.append(i > 0 ? ", " : ""), data[i]);
        }
        return s.append(rows > 2 ? ", …]" : "]").toString();
    }

    /**
     * " min=0 max=1 mean=0.1307 mean|x|=0.1307 zeros=80.9% nan/inf=0" for the n values in rows (the part of
     * toString that {@link Tensor4} shares). Min, max and the means are over the finite values.
     */
    static String statistics(double[][] rows, long n) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sumAbs = 0;
        long zeros = 0, nonFinite = 0;
        for (double[] row : rows) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    nonFinite++;
                    continue;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                sumAbs += Math.abs(v);
                zeros += v == 0 ? 1 : 0;
            }
        }
        long finite = n - nonFinite;
        StringBuilder s = new StringBuilder();
        if (finite > 0) {
            s.append(" min=").append(format(min)).append(" max=").append(format(max))
                    .append(" mean=").append(format(sum / finite)).append(" mean|x|=").append(format(sumAbs / finite))
                    .append(" zeros=").append(percent(zeros, n));
        }
        return s.append(" nan/inf=").append(nonFinite).toString();
    }

    private static void appendRow(StringBuilder s, double[] row) {
        s.append('[');
        for (int j = 0; j < Math.min(row.length, 4); j++) {
            s.append(j > 0 ? ", " : "").append(format(row[j]));
        }
        s.append(row.length > 4 ? ", …]" : "]");
    }

    /** "80.9%"; a share that would print as 0.0% but is not zero prints as "<0.1%". */
    private static String percent(long count, long n) {
        if (count > 0 && 1000 * count < n) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * count / n);
    }

    /** 4 significant digits: 0, 1, -3, 0.01, 0.3333, -2.5, 1.235e-07, NaN, Infinity. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
