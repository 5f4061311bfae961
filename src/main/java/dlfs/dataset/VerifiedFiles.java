package dlfs.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers files whose SHA-256 was checked, by absolute path, size and modification time, so later runs skip
 * the hash. Kept in memory and, when possible, in a small properties file outside the data folder (which may be
 * read-only): {@code ~/.cache/dlfs-java/mnist-verified.properties}, or {@code -Ddlfs.mnist.cache=FILE}, or no
 * file with {@code -Ddlfs.mnist.cache=none}. Failing to read or write that file is never an error.
 */
final class VerifiedFiles {
    private static final Map<String, String> MEMORY = new ConcurrentHashMap<>();

    private final Path store;   // null: memory only

    VerifiedFiles(Path store) {
        this.store = store;
    }

    static VerifiedFiles standard() {
        String property = System.getProperty("dlfs.mnist.cache");
        if ("none".equals(property)) {
            return new VerifiedFiles(null);
        }
        if (property != null && !property.isBlank()) {
            return new VerifiedFiles(Paths.get(property));
        }
        return new VerifiedFiles(Paths.get(System.getProperty("user.home"), ".cache", "dlfs-java",
                "mnist-verified.properties"));
    }

    /** Whether {@code file}, as it is now, was verified against {@code sha256}. */
    boolean isVerified(Path file, String sha256) {
        String key = key(file);
        String stamp = stamp(file, sha256);
        if (key == null || stamp == null) {
            return false;
        }
        if (stamp.equals(MEMORY.get(key))) {
            return true;
        }
        if (stamp.equals(readStore().getProperty(key))) {
            MEMORY.put(key, stamp);
            return true;
        }
        return false;
    }

    /** Records that {@code file} matches {@code sha256}; quietly keeps it in memory only if the store cannot be written. */
    void remember(Path file, String sha256) {
        String key = key(file);
        String stamp = stamp(file, sha256);
        if (key == null || stamp == null) {
            return;
        }
        MEMORY.put(key, stamp);
        if (store == null) {
            return;
        }
        try {
            Properties p = readStore();
            p.setProperty(key, stamp);
            Path dir = store.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, store.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    p.store(out, "dlfs-java: MNIST files whose SHA-256 was checked (path = size mtime sha256)");
                }
                Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | SecurityException e) {
            // not writable: memory only; the next run checks the hash again
        }
    }

    private Properties readStore() {
        Properties p = new Properties();
        if (store != null && Files.isRegularFile(store)) {
            try (InputStream in = Files.newInputStream(store)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                return new Properties();   // unreadable or garbled: as if empty
            }
        }
        return p;
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String stamp(Path file, String sha256) {
        try {
            return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() + " " + sha256;
        } catch (IOException e) {
            return null;
        }
    }
}
