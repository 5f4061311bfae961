package dlfs.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** One MNIST file in the folder: where it is (raw or {@code .gz}), its content read whole, and its SHA-256 check. */
final class MnistFile {
    private MnistFile() {
    }

    /** {@code dir/name} if present, else {@code dir/name.gz}, else null. */
    static Path locate(Path dir, String name) {
        Path raw = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(raw) ? raw : Files.isRegularFile(gz) ? gz : null;
    }

    /** The content of {@code file}, gunzipped if its name ends in .gz; an error names the file. */
    static byte[] read(Path file, Mnist.Original original) {
        try {
            return read(file, file.getFileName().toString().endsWith(".gz"), original.size());
        } catch (IOException e) {
            throw new MnistException(file + ": " + e.getMessage());
        }
    }

    /** The content of {@code file}, gunzipped if {@code gzipped}; refused as soon as it is longer than {@code size}. */
    static byte[] read(Path file, boolean gzipped, long size) throws IOException {
        byte[] content = new byte[(int) size];
        int n;
        boolean longer;
        try (InputStream in = gzipped ? new GZIPInputStream(Files.newInputStream(file), 1 << 16) : Files.newInputStream(file)) {
            n = in.readNBytes(content, 0, content.length);
            longer = in.read() >= 0;
        } catch (ZipException | EOFException e) {
            throw new IOException("not a valid gzip file (damaged or cut short)");
        } catch (IOException e) {
            throw new IOException("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (longer) {
            throw new IOException((gzipped ? "decompressed, it is" : "it is") + " longer than the " + size
                    + " bytes of the original; reading stopped there");
        }
        return n == content.length ? content : Arrays.copyOf(content, n);
    }

    /** Throws unless the SHA-256 of {@code content} (read from {@code file}) is the original's. */
    static void verify(Path file, byte[] content, Mnist.Original original) {
        String mismatch = mismatch(content, original);
        if (mismatch != null) {
            throw new MnistException(file + ": " + mismatch + " (the file is corrupt or not the original MNIST file)");
        }
    }

    /** Why {@code content} is not the original, or null when its SHA-256 matches, all 64 hex digits. */
    static String mismatch(byte[] content, Mnist.Original original) {
        String actual = sha256Hex(content);
        return actual.equals(original.sha256()) ? null
                : "SHA-256 of the decompressed content is " + actual + " but expected " + original.sha256();
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
