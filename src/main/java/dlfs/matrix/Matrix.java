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

    /** Adds the 1×cols row vector {@code b} to every row (numpy broadcasting of {@code x + b}). Returns this. */
    public Matrix addRowVectorInPlace(Matrix b) {
        if (b.rows != 1 || b.cols != cols) {
            throw new IllegalArgumentException("addRowVector: matrix is " + shape() + " but b is " + b.shape()
                    + " (b must be 1x" + cols + ")");
        }
        double[] bias = b.data[0];
        for (double[] row : data) {
            for (int j = 0; j < cols; j++) {
                row[j] += bias[j];
            }
        }
        return this;
    }

    /** Column sums into the 1×cols matrix {@code out} (numpy {@code np.sum(x, axis=0)}). Returns out. */
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

    /** Sum of all elements. */
    public double sum() {
        double s = 0;
        for (double[] row : data) {
            for (int j = 0; j < cols; j++) {
                s += row[j];
            }
        }
        return s;
    }

    /** Sum of squares of all elements (numpy {@code np.sum(W**2)}). */
    public double sumOfSquares() {
        double s = 0;
        for (double[] row : data) {
            for (int j = 0; j < cols; j++) {
                s += row[j] * row[j];
            }
        }
        return s;
    }

    /**
     * Index of the largest value in each row (numpy {@code np.argmax(y, axis=1)}). Like numpy, the first
     * maximum wins, and a NaN counts as the maximum, so a row of NaN gives 0.
     */
    public int[] argmaxRows() {
        int[] result = new int[rows];
        for (int i = 0; i < rows; i++) {
            double[] row = data[i];
            int best = 0;
            for (int j = 1; j < cols && !Double.isNaN(row[best]); j++) {
                if (row[j] > row[best] || Double.isNaN(row[j])) {
                    best = j;
                }
            }
            result[i] = best;
        }
        return result;
    }

    /**
     * True if any element is NaN or infinite. 0·v is ±0 for a finite v and NaN for NaN or ±∞, and a NaN stays
     * NaN through the sums: a loop the JIT vectorises, several times faster than stopping at the first bad
     * value (it runs on every input and every matrix product).
     */
    public boolean hasNonFinite() {
        double[] sums = new double[cols];
        for (double[] row : data) {
            for (int j = 0; j < cols; j++) {
                sums[j] += 0.0 * row[j];
            }
        }
        for (double s : sums) {
            if (Double.isNaN(s)) {
                return true;
            }
        }
        return false;
    }

    /** Shape and corner values, e.g. {@code Matrix 100x784 [[0.0, 0.01, …, 0.3], …, [0.2, …, 0.0]]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix ").append(shape()).append(" [");
        appendRow(s, data[0]);
        if (rows > 2) {
            s.append(", …");
        }
        if (rows > 1) {
            s.append(", ");
            appendRow(s, data[rows - 1]);
        }
        return s.append(']').toString();
    }

    private static void appendRow(StringBuilder s, double[] row) {
        s.append('[');
        int n = row.length;
        int head = Math.min(n, n > 4 ? 3 : 4);
        for (int j = 0; j < head; j++) {
            s.append(j > 0 ? ", " : "").append(format(row[j]));
        }
        if (n > 4) {
            s.append(", …, ").append(format(row[n - 1]));
        }
        s.append(']');
    }

    /** 4 significant digits: 0.01, 0.3333, -2.5, 1.0, 1.235e-07, NaN. */
    private static String format(double v) {
        if (!Double.isFinite(v) || (v == Math.rint(v) && Math.abs(v) < 1e6)) {
            return Double.toString(v);
        }
        if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
