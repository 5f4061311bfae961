package dlfs.dataset;

import dlfs.functions.Labels;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;

/**
 * The training or the test half of MNIST: the book's {@code (x_train, t_train)} or {@code (x_test, t_test)}.
 *
 * <p>Pixels stay as bytes (one {@code byte[784]} per image, 47 MB for the training set instead of 376 MB of
 * doubles); {@link #images(int[])} builds a mini-batch {@code Matrix} from them on demand, normalised like the
 * book's {@code load_mnist(normalize=True)}: pixel/255.0. Immutable, so it can be shared freely.
 */
public final class MnistSet {
    public static final int CLASSES = 10;

    /** NORMALIZED[p] = p/255.0, exactly the book's {@code x / 255.0}; RAW[p] = p (normalize=False). */
    private static final double[] NORMALIZED = new double[256];
    private static final double[] RAW = new double[256];

    static {
        for (int p = 0; p < 256; p++) {
            NORMALIZED[p] = p / 255.0;
            RAW[p] = p;
        }
    }

    private final byte[][] pixels;   // pixels[n]: image n, rows·cols unsigned bytes, row-major
    private final byte[] labels;     // labels[n]: class index 0..9 of image n
    private final int size;          // images 0..size-1 are in this set (first(n) shares the arrays)
    public final int rows;           // 28
    public final int cols;           // 28

    MnistSet(byte[][] pixels, byte[] labels, int size, int rows, int cols) {
        this.pixels = pixels;
        this.labels = labels;
        this.size = size;
        this.rows = rows;
        this.cols = cols;
    }

    /** Number of images (60000 for training, 10000 for test). */
    public int size() {
        return size;
    }

    /** Pixels per flattened image: rows·cols = 784. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The first n images and labels, sharing this set's data: the book's {@code x_train[:n], t_train[:n]}. */
    public MnistSet first(int n) {
        if (n < 1 || n > size) {
            throw new IllegalArgumentException("first: n=" + n + " is outside 1.." + size);
        }
        return new MnistSet(pixels, labels, n, rows, cols);
    }

    /** Images idx[0..] as rows of pixel/255.0, shape (idx.length, 784): {@code x_train[batch_mask]}. */
    public Matrix images(int[] idx) {
        return images(idx, true);
    }

    /** Like {@link #images(int[])}; with {@code normalize=false} the pixels keep their raw values 0..255. */
    public Matrix images(int[] idx, boolean normalize) {
        checkIndices("images", idx);
        double[] scale = normalize ? NORMALIZED : RAW;
        Matrix x = new Matrix(idx.length, pixelsPerImage());
        for (int n = 0; n < idx.length; n++) {
            toRow(pixels[idx[n]], x.data[n], scale);
        }
        return x;
    }

    /** Images from..to-1 (a contiguous slice, {@code x_test[from:to]}), normalised, shape (to-from, 784). */
    public Matrix images(int from, int to) {
        return images(range("images", from, to));
    }

    /** Image i unflattened, shape (28, 28) (the book's flatten=False gives 1×28×28; the 1 is the channel). */
    public Matrix image(int i, boolean normalize) {
        checkIndex("image", i);
        double[] scale = normalize ? NORMALIZED : RAW;
        Matrix img = new Matrix(rows, cols);
        byte[] src = pixels[i];
        for (int r = 0; r < rows; r++) {
            double[] row = img.data[r];
            for (int c = 0; c < cols; c++) {
                row[c] = scale[src[r * cols + c] & 0xFF];
            }
        }
        return img;
    }

    /** Raw pixel value 0..255 of image i at (r, c). */
    public int pixel(int i, int r, int c) {
        checkIndex("pixel", i);
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("pixel: (" + r + ", " + c + ") is outside the "
                    + rows + "x" + cols + " image");
        }
        return pixels[i][r * cols + c] & 0xFF;
    }

    /** Class index 0..9 of image i. */
    public int label(int i) {
        checkIndex("label", i);
        return labels[i];
    }

    /** Class indices of images idx[0..]: {@code t_train[batch_mask]}. */
    public int[] labels(int[] idx) {
        checkIndices("labels", idx);
        int[] t = new int[idx.length];
        for (int n = 0; n < idx.length; n++) {
            t[n] = labels[idx[n]];
        }
        return t;
    }

    /** Class indices of images from..to-1. */
    public int[] labels(int from, int to) {
        return labels(range("labels", from, to));
    }

    /** One-hot labels (idx.length, 10): the book's {@code one_hot_label=True}. */
    public Matrix oneHotLabels(int[] idx) {
        return Labels.oneHot(labels(idx), CLASSES);
    }

    /** One-hot labels of images from..to-1. */
    public Matrix oneHotLabels(int from, int to) {
        return oneHotLabels(range("oneHotLabels", from, to));
    }

    /** batchSize indices drawn with replacement: the book's {@code np.random.choice(train_size, batch_size)}. */
    public int[] randomBatch(Rng rng, int batchSize) {
        return rng.choice(size, batchSize);
    }

    // One tight loop per image: a table lookup per byte, no boxing, no per-pixel method call.
    private static void toRow(byte[] src, double[] row, double[] scale) {
        for (int j = 0; j < row.length; j++) {
            row[j] = scale[src[j] & 0xFF];
        }
    }

    private void checkIndices(String op, int[] idx) {
        if (idx.length == 0) {
            throw new IllegalArgumentException(op + ": no indices (a batch needs at least one image)");
        }
        for (int n = 0; n < idx.length; n++) {
            if (idx[n] < 0 || idx[n] >= size) {
                throw new IndexOutOfBoundsException(op + ": idx[" + n + "] = " + idx[n] + " is outside 0.." + (size - 1));
            }
        }
    }

    private void checkIndex(String op, int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + i + " is outside 0.." + (size - 1));
        }
    }

    private int[] range(String op, int from, int to) {
        if (from < 0 || to > size || from >= to) {
            throw new IndexOutOfBoundsException(op + ": slice " + from + ".." + to + " is not within 0.." + size
                    + " (need 0 <= from < to <= size)");
        }
        int[] idx = new int[to - from];
        for (int n = 0; n < idx.length; n++) {
            idx[n] = from + n;
        }
        return idx;
    }

    @Override
    public String toString() {
        return "MnistSet " + size + " images of " + rows + "x" + cols;
    }
}
