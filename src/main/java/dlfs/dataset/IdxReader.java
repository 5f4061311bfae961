package dlfs.dataset;

/**
 * Parses the IDX format of the MNIST files (http://yann.lecun.com/exdb/mnist/, "FILE FORMATS"): a big-endian
 * magic number, the item count, for images the rows and columns, then one unsigned byte per pixel or label.
 * Every error names the file, what was expected and the byte offset (of the decompressed content).
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 2051;   // 0x00000803: unsigned bytes, 3 dimensions
    static final int LABELS_MAGIC = 2049;   // 0x00000801: unsigned bytes, 1 dimension
    static final int IMAGES_HEADER = 16;    // magic, count, rows, cols
    static final int LABELS_HEADER = 8;     // magic, count

    /** Pixels of an IDX image file: {@code pixels[n]} is image n, rows·cols bytes in row-major order. */
    record Images(byte[][] pixels, int rows, int cols) {
        int count() {
            return pixels.length;
        }
    }

    private IdxReader() {
    }

    /** Reads an image file's content; {@code file} names it in error messages. */
    static Images readImages(String file, byte[] content) {
        requireHeader(file, content, 4, "the magic number");
        requireMagic(file, content, IMAGES_MAGIC, "an IDX image file");
        requireHeader(file, content, IMAGES_HEADER, "an IDX image header (magic, count, rows, cols)");
        int count = readCount(file, content, 4, "image count");
        int rows = readCount(file, content, 8, "row count");
        int cols = readCount(file, content, 12, "column count");
        requireLength(file, content, IMAGES_HEADER + (long) count * rows * cols,
                count + " images of " + rows + "x" + cols);
        int size = rows * cols;   // fits: the whole file does
        byte[][] pixels = new byte[count][size];
        for (int n = 0; n < count; n++) {
            System.arraycopy(content, IMAGES_HEADER + n * size, pixels[n], 0, size);
        }
        return new Images(pixels, rows, cols);
    }

    /** Reads a label file's content; each label must lie in 0..classes-1. */
    static byte[] readLabels(String file, byte[] content, int classes) {
        requireHeader(file, content, 4, "the magic number");
        requireMagic(file, content, LABELS_MAGIC, "an IDX label file");
        requireHeader(file, content, LABELS_HEADER, "an IDX label header (magic, count)");
        int count = readCount(file, content, 4, "label count");
        requireLength(file, content, LABELS_HEADER + (long) count, count + " labels");
        byte[] labels = new byte[count];
        System.arraycopy(content, LABELS_HEADER, labels, 0, count);
        for (int n = 0; n < count; n++) {
            if (labels[n] < 0 || labels[n] >= classes) {
                throw new MnistException(file + ": label " + n + " at byte offset " + (LABELS_HEADER + n) + " is "
                        + (labels[n] & 0xFF) + " but labels must be in 0.." + (classes - 1));
            }
        }
        return labels;
    }

    /** Throws unless the image and label files hold the same number of items. */
    static void requireSameCount(String imageFile, int images, String labelFile, int labels) {
        if (images != labels) {
            throw new MnistException(imageFile + " holds " + images + " images but " + labelFile + " holds " + labels
                    + " labels (the counts at byte offset 4 of both files must agree)");
        }
    }

    /** The big-endian 32-bit integer at {@code offset}. */
    static int readInt(byte[] content, int offset) {
        return (content[offset] & 0xFF) << 24 | (content[offset + 1] & 0xFF) << 16
                | (content[offset + 2] & 0xFF) << 8 | (content[offset + 3] & 0xFF);
    }

    private static void requireHeader(String file, byte[] content, int header, String what) {
        if (content.length < header) {
            throw new MnistException(file + ": truncated header: the file ends at byte offset " + content.length
                    + " but " + what + " needs " + header + " bytes");
        }
    }

    private static void requireMagic(String file, byte[] content, int expected, String what) {
        int magic = readInt(content, 0);
        if (magic != expected) {
            throw new MnistException(file + ": bad magic number " + magic + " at byte offset 0, expected " + expected
                    + " (" + what + ")");
        }
    }

    private static int readCount(String file, byte[] content, int offset, String what) {
        int value = readInt(content, offset);
        if (value <= 0) {
            throw new MnistException(file + ": " + what + " at byte offset " + offset + " is " + value
                    + ", expected a positive number");
        }
        return value;
    }

    private static void requireLength(String file, byte[] content, long expected, String what) {
        if (content.length < expected) {
            throw new MnistException(file + ": truncated data: " + what + " end at byte offset " + expected
                    + " but the file ends at byte offset " + content.length);
        }
        if (content.length > expected) {
            throw new MnistException(file + ": " + (content.length - expected) + " unexpected bytes after "
                    + what + ", from byte offset " + expected + " (expected the file to end there)");
        }
    }
}
