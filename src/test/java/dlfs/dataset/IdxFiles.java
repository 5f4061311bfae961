package dlfs.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for the tests: images whose pixel k of image n is (n·7 + k) mod 256, labels n mod 10. */
final class IdxFiles {
    /** Small IDX contents standing in for the four MNIST files (6 training and 2 test images of 3x3). */
    static final Map<String, byte[]> CONTENT = new LinkedHashMap<>();
    /** Their sizes and SHA-256, in place of {@link Mnist#ORIGINALS}. */
    static final Map<String, Mnist.Original> ORIGINALS = new LinkedHashMap<>();

    static {
        CONTENT.put(Mnist.TRAIN_IMAGES, images(6, 3, 3));
        CONTENT.put(Mnist.TRAIN_LABELS, labels(6));
        CONTENT.put(Mnist.TEST_IMAGES, images(2, 3, 3));
        CONTENT.put(Mnist.TEST_LABELS, labels(2));
        CONTENT.forEach((name, bytes) -> ORIGINALS.put(name, new Mnist.Original(bytes.length, MnistFile.sha256Hex(bytes))));
    }

    private IdxFiles() {
    }

    /** Writes the four small files into {@code dir}, gzipped as {@code NAME.gz}. */
    static void writeAllGz(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : CONTENT.entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".gz"), gzip(e.getValue()));
        }
    }

    /** Writes the four small files into {@code dir}, decompressed. */
    static void writeAllRaw(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : CONTENT.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** The names of the files in {@code folder}, sorted. */
    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static byte[] images(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);   // big-endian by default
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < rows * cols; k++) {
                b.put((byte) (n * 7 + k));
            }
        }
        return b.array();
    }

    static byte[] labels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int n = 0; n < count; n++) {
            b.put((byte) (n % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(content);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
