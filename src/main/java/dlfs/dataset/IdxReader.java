package dlfs.dataset;

import java.util.Arrays;

/**
 * Parses the IDX format of the MNIST files (yann.lecun.com/exdb/mnist, "FILE FORMATS"): a big-endian magic
 * number, the size of each dimension, then one unsigned byte per pixel or label. Every error names the file,
 * what was expected and the byte offset in the decompressed content.
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 2051;   // 0x00000803: unsigned bytes, 3 dimensions (count, rows, cols)
    static final int LABELS_MAGIC = 2049;   // 0x00000801: unsigned bytes, 1 dimension (count)

    /** The sizes of an IDX file's dimensions (count first), and its content, whose items start at {@code offset}. */
    record Idx(int[] dims, byte[] content, int offset) {
    }

    private IdxReader() {
    }

    static Idx readImages(String file, byte[] content) {
        return read(file, content, IMAGES_MAGIC, "an IDX image file", "image count", "row count", "column count");
    }

    /** The labels, each checked to lie in 0..classes-1. */
    static byte[] readLabels(String file, byte[] content, int classes) {
        Idx idx = read(file, content, LABELS_MAGIC, "an IDX label file", "label count");
        byte[] labels = Arrays.copyOfRange(content, idx.offset(), content.length);
        for (int n = 0; n < labels.length; n++) {
            if (labels[n] < 0 || labels[n] >= classes) {
                throw new MnistException(file + ": label " + n + " at byte offset " + (8 + n) + " is "
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

    /** Magic number at offset 0, then one positive 32-bit size per dimension, then exactly their product in bytes. */
    private static Idx read(String file, byte[] content, int magic, String what, String... dimNames) {
        int header = 4 + 4 * dimNames.length;
        requireBytes(file, content, 4, "the magic number");
        if (readInt(content, 0) != magic) {
            throw new MnistException(file + ": bad magic number " + readInt(content, 0) + " at byte offset 0, expected "
                    + magic + " (" + what + ")");
        }
        requireBytes(file, content, header, "the header of " + what);
        int[] dims = new int[dimNames.length];
        long end = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = readInt(content, 4 + 4 * i);
            if (dims[i] <= 0) {
                throw new MnistException(file + ": " + dimNames[i] + " at byte offset " + (4 + 4 * i) + " is " + dims[i]
                        + ", expected a positive number");
            }
            end *= dims[i];
        }
        end += header;
        String items = dims[0] + (dims.length == 3 ? " images of " + dims[1] + "x" + dims[2] : " labels");
        if (content.length < end) {
            throw new MnistException(file + ": truncated data: " + items + " end at byte offset " + end
                    + " but the file ends at byte offset " + content.length);
        }
        if (content.length > end) {
            throw new MnistException(file + ": " + (content.length - end) + " unexpected bytes after " + items
                    + ", from byte offset " + end + " (expected the file to end there)");
        }
        return new Idx(dims, content, header);
    }

    private static void requireBytes(String file, byte[] content, int bytes, String what) {
        if (content.length < bytes) {
            throw new MnistException(file + ": truncated header: the file ends at byte offset " + content.length
                    + " but " + what + " needs " + bytes + " bytes");
        }
    }

    /** The big-endian 32-bit integer at {@code offset}. */
    static int readInt(byte[] content, int offset) {
        return (content[offset] & 0xFF) << 24 | (content[offset + 1] & 0xFF) << 16
                | (content[offset + 2] & 0xFF) << 8 | (content[offset + 3] & 0xFF);
    }
}
