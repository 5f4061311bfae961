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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** One MNIST file in the folder: where it is (raw or {@code .gz}), its content read whole, and its SHA-256 check. */
final class MnistFile {
    private static final int CHUNK = 1 << 20;   // bytes read between two hand-overs to the hasher

    private MnistFile() {
    }

    /** {@code dir/name} if present, else {@code dir/name.gz}, else null. */
    static Path locate(Path dir, String name) {
        Path raw = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(raw) ? raw : Files.isRegularFile(gz) ? gz : null;
    }

    /** A file's content, decompressed, and the SHA-256 of it in hex. */
    record Content(byte[] bytes, String sha256) {
    }

    /** The content of {@code file}, gunzipped if its name ends in .gz, and its SHA-256; an error names the file. */
    static Content read(Path file, Mnist.Original original) {
        try {
            return read(file, file.getFileName().toString().endsWith(".gz"), original.size());
        } catch (IOException e) {
            throw new MnistException(file + ": " + e.getMessage());
        }
    }

    /**
     * The content of {@code file}, gunzipped if {@code gzipped}, refused as soon as it is longer than {@code size};
     * and its SHA-256, computed on a second thread as the content comes in (so the hash costs no time on a
     * second core).
     */
    static Content read(Path file, boolean gzipped, long size) throws IOException {
        byte[] content = new byte[(int) size];
        Hasher hasher = new Hasher(content);
        int n = 0;
        boolean longer;
        try (InputStream in = gzipped ? new GZIPInputStream(Files.newInputStream(file), 1 << 16) : Files.newInputStream(file)) {
            for (int got; n < content.length && (got = in.readNBytes(content, n, Math.min(CHUNK, content.length - n))) > 0; ) {
                n += got;
                hasher.hashUpTo(n);                       // content[0..n) is read
            }
            longer = in.read() >= 0;
        } catch (ZipException | EOFException e) {
            throw new IOException("not a valid gzip file (damaged or cut short)");
        } catch (IOException e) {
            throw new IOException("cannot be read (" + e.getClass().getSimpleName() + ")");
        } finally {
            hasher.hashUpTo(-1);                          // no more content: the hasher finishes
        }
        if (longer) {
            throw new IOException((gzipped ? "decompressed, it is" : "it is") + " longer than the " + size
                    + " bytes of the original; reading stopped there");
        }
        return new Content(n == content.length ? content : Arrays.copyOf(content, n), hasher.sha256());
    }

    /** Throws unless the SHA-256 of {@code content} (read from {@code file}) is the original's. */
    static void verify(Path file, Content content, Mnist.Original original) {
        String mismatch = mismatch(content.sha256(), original);
        if (mismatch != null) {
            throw new MnistException(file + ": " + mismatch + " (the file is corrupt or not the original MNIST file)");
        }
    }

    /** Why a file whose SHA-256 is {@code sha256} is not the original, or null when all 64 hex digits match. */
    static String mismatch(String sha256, Mnist.Original original) {
        return sha256.equals(original.sha256()) ? null
                : "SHA-256 of the decompressed content is " + sha256 + " but expected " + original.sha256();
    }

    static String sha256Hex(byte[] content) {
        MessageDigest sha = newSha256();
        sha.update(content);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Hashes content[0..end) on a thread of its own, as {@link #hashUpTo} announces each new end. */
    private static final class Hasher {
        private final BlockingQueue<Integer> ends = new LinkedBlockingQueue<>();   // -1: nothing more comes
        private final FutureTask<String> sha256;

        Hasher(byte[] content) {
            sha256 = new FutureTask<>(() -> {
                MessageDigest sha = newSha256();
                for (int from = 0, end; (end = ends.take()) >= 0; from = end) {
                    sha.update(content, from, end - from);
                }
                return HexFormat.of().formatHex(sha.digest());
            });
            Thread thread = new Thread(sha256, "MNIST SHA-256");
            thread.setDaemon(true);
            thread.start();
        }

        /** content[0..end) is read, or nothing more comes if end is -1. */
        void hashUpTo(int end) {
            ends.add(end);
        }

        String sha256() {
            try {
                return sha256.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hashing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("hashing failed", e.getCause());
            }
        }
    }
}
