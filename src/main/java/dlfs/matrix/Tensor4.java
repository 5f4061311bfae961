package dlfs.matrix;

import java.util.Locale;

/**
 * A 4-D array of doubles shaped (N, C, H, W), the numpy array of the book's chapter 7: a batch of N images of C
 * channels of H×W pixels (§7.2.1), or FN filters of C×FH×FW (§7.2.6). Image n is one array, {@code data[n]},
 * holding its C·H·W values in numpy's order: element (n, c, h, w) is {@code data[n][(c·H + h)·W + w]}.
 *
 * <p>Why one array per image, and not {@code double[N][C][H][W]} or one flat array: the book reshapes between
 * (N, C, H, W) and (N, C·H·W) all the time ({@code x.reshape(N, -1)} in Affine, {@code W.reshape(FN, -1)} in
 * Convolution, the flat parameters the optimizer updates). With this layout that reshape is {@link #matrix()}, a
 * {@link Matrix} sharing the same row arrays, so the optimizer's in-place update of "W1" is what the convolution
 * uses next, and ReLU and Affine run on the batch without a copy. The loops over pixels stay plain indexed loops
 * over one row array ({@code double[] img = x.data[n]}), which the JIT compiles well; four nested array levels
 * would make every pixel access walk three references. A debugger shows the shape and statistics
 * ({@link #toString()}), and {@code data[n]} is image n as numpy prints {@code x[n].ravel()}.
 */
public final class Tensor4 {
    public final int N;
    public final int C;
    public final int H;
    public final int W;
    /** data[n] is image (or filter) n: C·H·W values, element (c, h, w) at (c·H + h)·W + w. */
    public final double[][] data;

    /** An N×C×H×W array of zeros (numpy {@code np.zeros((N, C, H, W))}). */
    public Tensor4(int N, int C, int H, int W) {
        this(new double[checkShape(N, C, H, W)][C * H * W], C, H, W);
    }

    /** Wraps the given rows (no copy) as (rows, C, H, W); every row must hold C·H·W values. */
    public Tensor4(double[][] data, int C, int H, int W) {
        checkShape(data.length, C, H, W);
        for (int n = 0; n < data.length; n++) {
            if (data[n].length != C * H * W) {
                throw new IllegalArgumentException("Tensor4: row " + n + " has " + data[n].length + " values but shape "
                        + data.length + "x" + C + "x" + H + "x" + W + " needs C*H*W = " + C * H * W);
            }
        }
        this.N = data.length;
        this.C = C;
        this.H = H;
        this.W = W;
        this.data = data;
    }

    private static int checkShape(int N, int C, int H, int W) {
        if (N <= 0 || C <= 0 || H <= 0 || W <= 0) {
            throw new IllegalArgumentException("Tensor4: shape " + N + "x" + C + "x" + H + "x" + W
                    + " is not allowed (every size must be >= 1)");
        }
        return N;
    }

    /**
     * The (N, C·H·W) matrix m seen as (N, C, H, W), sharing its rows: numpy's {@code x.reshape(N, C, H, W)}, e.g. a
     * batch of MNIST rows (N, 784) as (N, 1, 28, 28).
     */
    public static Tensor4 of(Matrix m, int C, int H, int W) {
        if (m.cols != C * H * W) {
            throw new IllegalArgumentException("Tensor4.of: matrix is " + m.shape() + " but " + C + "x" + H + "x" + W
                    + " needs " + C * H * W + " columns");
        }
        return new Tensor4(m.data, C, H, W);
    }

    /**
     * The (N·H·W, C) matrix m, one row per pixel (n, h, w) holding its C channels, as an (N, C, H, W) array:
     * numpy's {@code m.reshape(N, H, W, C).transpose(0, 3, 1, 2)}, as a new array. Image by image, shared with
     * the worker threads ({@link Parallel}).
     */
    public static Tensor4 fromChannelsLast(Matrix m, int N, int H, int W) {
        if (m.rows != N * H * W) {
            throw new IllegalArgumentException("Tensor4.fromChannelsLast: matrix is " + m.shape() + " but N x H x W = "
                    + N + "x" + H + "x" + W + " needs " + N * H * W + " rows");
        }
        int C = m.cols, area = H * W;
        Tensor4 x = new Tensor4(N, C, H, W);
        Parallel.forEach(N, (long) N * C * area, (from, to) -> {
            for (int n = from; n < to; n++) {
                double[] img = x.data[n];
                for (int p = 0; p < area; p++) {                    // p = h·W + w
                    double[] pixel = m.data[n * area + p];
                    for (int c = 0; c < C; c++) {
                        img[c * area + p] = pixel[c];
                    }
                }
            }
        });
        return x;
    }

    /**
     * This array as (N·H·W, C), one row per pixel (n, h, w) holding its C channels: numpy's
     * {@code x.transpose(0, 2, 3, 1).reshape(-1, C)}, as a new matrix (the inverse of {@link #fromChannelsLast}).
     */
    public Matrix channelsLast() {
        int area = H * W;
        Matrix m = new Matrix(N * area, C);
        Parallel.forEach(N, (long) N * C * area, (from, to) -> {
            for (int n = from; n < to; n++) {
                double[] img = data[n];
                for (int p = 0; p < area; p++) {
                    double[] pixel = m.data[n * area + p];
                    for (int c = 0; c < C; c++) {
                        pixel[c] = img[c * area + p];
                    }
                }
            }
        });
        return m;
    }

    /** This array as an (N, C·H·W) matrix sharing its rows: numpy's {@code x.reshape(N, -1)}. */
    public Matrix matrix() {
        return new Matrix(data);
    }

    /** The position of (c, h, w) in {@code data[n]}: (c·H + h)·W + w. */
    public int index(int c, int h, int w) {
        return (c * H + h) * W + w;
    }

    public double get(int n, int c, int h, int w) {
        checkIndex("get", n, c, h, w);
        return data[n][index(c, h, w)];
    }

    public void set(int n, int c, int h, int w, double value) {
        checkIndex("set", n, c, h, w);
        data[n][index(c, h, w)] = value;
    }

    private void checkIndex(String op, int n, int c, int h, int w) {
        int[] i = {n, c, h, w};
        int[] size = dims();
        String[] name = {"n", "c", "h", "w"};
        for (int a = 0; a < 4; a++) {
            if (i[a] < 0 || i[a] >= size[a]) {
                throw new IndexOutOfBoundsException(op + ": " + name[a] + " = " + i[a] + " is outside 0.."
                        + (size[a] - 1) + " of " + shape());
            }
        }
    }

    /** {N, C, H, W}: numpy's {@code x.shape}. */
    public int[] dims() {
        return new int[] {N, C, H, W};
    }

    /** "100x1x28x28". */
    public String shape() {
        return N + "x" + C + "x" + H + "x" + W;
    }

    public boolean sameShape(Tensor4 other) {
        return N == other.N && C == other.C && H == other.H && W == other.W;
    }

    public Tensor4 copy() {
        double[][] rows = new double[N][];
        for (int n = 0; n < N; n++) {
            rows[n] = data[n].clone();
        }
        return new Tensor4(rows, C, H, W);
    }

    /**
     * One line for a debugger's variables pane: the shape, the statistics {@link Matrix#toString()} shows, and
     * four values from the middle of image 0, channel 0 (its corners are 0 in every MNIST image), e.g.
     * {@code Tensor4 100x1x28x28 min=0 max=1 mean=0.1307 mean|x|=0.1307 zeros=80.9% nan/inf=0 [0,0,14,12:16]=[…]}.
     */
    @Override
    public String toString() {
        String stats = Matrix.statistics(data, (long) N * C * H * W);
        int h = H / 2, from = Math.max(0, W / 2 - 2), to = Math.min(W, from + 4);
        StringBuilder s = new StringBuilder("Tensor4 ").append(shape()).append(stats)
                .append(String.format(Locale.ROOT, " [0,0,%d,%d:%d]=[", h, from, to));
        for (int w = from; w < to; w++) {
            s.append(w > from ? ", " : "").append(Matrix.format(data[0][index(0, h, w)]));
        }
        return s.append(']').toString();
    }
}
