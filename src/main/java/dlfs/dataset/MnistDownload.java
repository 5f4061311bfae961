package dlfs.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallback for a file missing from the MNIST folder (a clone has all four): tries each mirror in turn, into a
 * temporary file beside the target that is checked like a committed file (size, SHA-256) and only then moved into
 * place. Also removes the temporary files a killed download left behind.
 */
final class MnistDownload {
    /**
     * Where a missing file is downloaded from, in order: the mirror the book's own repository now uses, then
     * Google's CVDF copy, then the original host (which nowadays refuses most downloads).
     * {@code -Ddlfs.mnist.mirrors=URL1,URL2} replaces the list.
     */
    static final List<String> MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "http://yann.lecun.com/exdb/mnist/");
    /** Our temporary files, NAME.gz.PID-N.tmp: the PID tells a later run whether their download is still going. */
    private static final Pattern TEMP = Pattern.compile("(.+)\\.gz\\.(\\d+)-\\d+\\.tmp");
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private final List<String> mirrors;
    private final Downloader downloader;
    private final PrintStream out;

    MnistDownload(List<String> mirrors, Downloader downloader) {
        this.mirrors = mirrors;
        this.downloader = downloader;
        this.out = downloader.out;
    }

    /**
     * {@link #mirrors()}, printing on System.out: a mirror that sends less than 1 KiB in 30 s is abandoned for the
     * next one; progress is printed every 5 s.
     */
    static MnistDownload fromMirrors() {
        return new MnistDownload(mirrors(), new Downloader(System.out, Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }

    /** {@link #MIRRORS}, or the comma-separated list in {@code -Ddlfs.mnist.mirrors}. */
    static List<String> mirrors() {
        String property = System.getProperty("dlfs.mnist.mirrors", "");
        return property.isBlank() ? MIRRORS : List.of(property.strip().split("\\s*,\\s*"));
    }

    /** Removes stale temporary files, then downloads each of {@code originals} that is missing from {@code dir}. */
    void fetchMissing(Path dir, Map<String, Mnist.Original> originals) {
        removeStaleTemps(dir, originals);
        for (String name : originals.keySet()) {
            if (MnistFile.locate(dir, name) == null) {
                download(dir, name, originals);
            }
        }
    }

    /** Removes the temporary files of downloads whose process has ended (killed mid-download), and says so. */
    private void removeStaleTemps(Path dir, Map<String, Mnist.Original> originals) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.gz.*-*.tmp")) {
            for (Path file : files) {
                Matcher m = TEMP.matcher(file.getFileName().toString());
                if (m.matches() && originals.containsKey(m.group(1))
                        && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty() && Files.deleteIfExists(file)) {
                    out.println("MNIST: removed " + file.toAbsolutePath() + ", left behind by an interrupted download");
                }
            }
        } catch (IOException | RuntimeException e) {   // a leftover costs only disk space: the next run tries again
            out.println("MNIST: could not clear old temporary files from " + dir.toAbsolutePath());
        }
    }

    /**
     * Tries each mirror in turn for {@code name}.gz: into a temporary file (deleted when the JVM exits, should it
     * stop mid-download), checked, then moved into place. Throws the offline message if no mirror delivered a
     * good copy, leaving neither a temporary file nor a folder it created.
     */
    void download(Path dir, String name, Map<String, Mnist.Original> originals) {
        Mnist.Original original = originals.get(name);
        boolean folderExisted = Files.isDirectory(dir);
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();   // the folder is created only when a download writes into it
        }
        if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw offline(dir, name, originals, List.of("cannot write into " + dir.toAbsolutePath() + " (" + existing
                    + " is not a writable folder)"));
        }
        if (!folderExisted) {
            dir.toFile().deleteOnExit();   // at exit, after the temporary files (reverse order), and only if empty
        }
        List<String> failures = new ArrayList<>();
        for (String mirror : mirrors) {
            String url = mirror + (mirror.endsWith("/") ? "" : "/") + name + ".gz";
            Path tmp = dir.resolve(name + ".gz." + ProcessHandle.current().pid() + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp");
            tmp.toFile().deleteOnExit();
            try {
                out.println("MNIST: downloading " + url);
                downloader.fetch(url, tmp, Downloader.maxGzipBytes(original.size()));
                String mismatch = MnistFile.mismatch(MnistFile.read(tmp, true, original.size()).sha256(), original);
                if (mismatch != null) {
                    throw new IOException(mismatch);
                }
                Files.move(tmp, dir.resolve(name + ".gz"), StandardCopyOption.ATOMIC_MOVE);
                out.println("MNIST: saved " + dir.resolve(name + ".gz").toAbsolutePath() + " (SHA-256 verified)");
                return;
            } catch (IOException e) {
                failures.add(url + ": " + e.getMessage());
                if (failures.size() < mirrors.size()) {   // the last failure is told in the exception's message
                    out.println("MNIST: " + url + ": " + e.getMessage() + "; trying the next mirror");
                }
            } finally {
                deleteQuietly(tmp);
            }
        }
        if (!folderExisted) {
            deleteQuietly(dir);   // only if empty: a folder made for downloads that all failed goes again
        }
        throw offline(dir, name, originals, failures);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a folder that is not empty stays; a leftover temporary file is removed by the next run
        }
    }

    private MnistException offline(Path dir, String name, Map<String, Mnist.Original> originals, List<String> failures) {
        StringBuilder m = new StringBuilder("MNIST: " + name + ".gz is missing from " + dir.toAbsolutePath()
                + " and could not be downloaded" + (mirrors.isEmpty() ? " (no mirrors given)" : "") + ":\n");
        for (String f : failures) {
            m.append("  ").append(f).append('\n');
        }
        m.append("Copy these files (gzipped as named, or decompressed without .gz) into ").append(dir.toAbsolutePath())
                .append(":\n");
        for (String f : originals.keySet()) {
            if (MnistFile.locate(dir, f) == null) {
                m.append("  ").append(f).append(".gz\n");
            }
        }
        return new MnistException(m.append("A clone of dlfs-java has all four in its mnist/ folder; -Ddlfs.mnist.dir=DIR"
                + " or the environment variable DLFS_MNIST_DIR makes the loader read them from DIR.").toString());
    }
}
