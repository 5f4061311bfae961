package dlfs.dataset;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;

/**
 * The training or the test half of MNIST: the book's {@code (x_train, t_train)} or {@code (x_test, t_test)}.
 *
 * <p>Pixels stay as bytes (47 MB for the training set instead of 376 MB of doubles); {@link #images(int[])}
 * builds a mini-batch {@code Matrix} from them on demand, normalised as the book's {@code load_mnist(normalize=True)}
 * does. Immutable, so it can be shared freely.
 */
public final class MnistSet {
    public static final int CLASSES = 10;

    /**
     * NORMALIZED[v] is pixel value v as the book's load_mnist leaves it: {@code x.astype(np.float32); x /= 255.0}
     * divides in float32, so we do too and widen the float to double (dividing in double would give other pixel
     * values, and so other losses, than the book's scripts print).
     */
    private static final double[] NORMALIZED = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            NORMALIZED[v] = (double) ((float) v / 255f);
        }
    }

    private static int touched;    // see touch()
    private final byte[] pixels;   // image n: the rows·cols bytes from offset + n·rows·cols on, unsigned, row-major
    private final int offset;      // where image 0 starts in pixels (after the IDX header)
    private final byte[] labels;   // labels[n]: class index 0..9 of image n
    private final int size;        // images 0..size-1 are in this set (first(n) shares the arrays)
    public final int rows;         // 28
    public final int cols;         // 28

    MnistSet(byte[] pixels, int offset, byte[] labels, int size, int rows, int cols) {
        this.pixels = pixels;
        this.offset = offset;
        this.labels = labels;
        this.size = size;
        this.rows = rows;
        this.cols = cols;
    }

    /** Number of images (60000 for training, 10000 for test). */
    public int size() {
        return size;
    }

    /** The first n images and labels, sharing this set's data: the book's {@code x_train[:n], t_train[:n]}. */
    public MnistSet first(int n) {
        if (n < 1 || n > size) {
            throw new IllegalArgumentException("first: n=" + n + " is outside 1.." + size);
        }
        return new MnistSet(pixels, offset, labels, n, rows, cols);
    }

    /** Images idx[0..] as normalised rows, shape (idx.length, 784): {@code x_train[batch_mask]}. */
    public Matrix images(int[] idx) {
        checkIndices("images", idx);
        int d = rows * cols;
        touch(idx, d);
        double[][] x = new double[idx.length][];
        double[] row = new double[d];
        for (int n = 0; n < idx.length; n++) {
            int start = offset + idx[n] * d;
            for (int j = 0; j < d; j++) {
                row[j] = NORMALIZED[pixels[start + j] & 0xFF];
            }
            x[n] = row.clone();                    // a clone is not cleared first, as a new double[d] would be
        }
        return new Matrix(x);
    }

    /**
     * Reads one byte in every 64 of each image, so that the memory fetches all the images of a batch at once
     * instead of one after another as the loop above comes to them (docs/SPEED.md). The sum goes into
     * {@link #touched} only so that the JIT keeps the reads.
     */
    private void touch(int[] idx, int d) {
        int sum = 0;
        for (int i : idx) {
            for (int j = 0; j < d; j += 64) {
                sum += pixels[offset + i * d + j];
            }
        }
        touched = sum;
    }

    /** Images from..to-1 (a contiguous slice, {@code x_test[from:to]}), normalised, shape (to-from, 784). */
    public Matrix images(int from, int to) {
        return images(range("images", from, to));
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

    /** batchSize indices drawn with replacement: the book's {@code np.random.choice(train_size, batch_size)}. */
    public int[] randomBatch(Rng rng, int batchSize) {
        return rng.choice(size, batchSize);
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
