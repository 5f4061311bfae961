package dlfs.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The four MNIST files in one folder: finds each (raw or {@code .gz}), reads it decompressed, parses it and
 * checks its size and SHA-256, on every load. A missing file is downloaded into a temporary file beside it,
 * checked, and only then moved into place. A bad file the user put there is reported, never deleted.
 */
final class MnistFiles {
    /** Our temporary files, NAME.gz.PID-N.tmp: the PID tells a later run whether their download is still going. */
    private static final Pattern TEMP = Pattern.compile("(.+)\\.gz\\.(\\d+)-\\d+\\.tmp");
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();
    private static final String LEFT_IN_PLACE = ". It was left in place: replace it with a good copy (a clone of"
            + " dlfs-java has all four files in mnist/) or delete it to have it downloaded again.";

    private final Path dir;
    private final Map<String, Mnist.Original> originals;   // file name without .gz -> decompressed size, SHA-256
    private final List<String> mirrors;
    private final Downloader downloader;
    private final PrintStream out;

    MnistFiles(Path dir, Map<String, Mnist.Original> originals, List<String> mirrors, Downloader downloader) {
        this.dir = dir;
        this.originals = originals;
        this.mirrors = mirrors;
        this.downloader = downloader;
        this.out = downloader.out;
    }

    /** Downloads what is missing, then reads and checks the training and test sets. */
    Mnist load() {
        removeStaleTemps();
        for (String name : originals.keySet()) {
            if (locate(name) == null) {
                download(name);
            }
        }
        return new Mnist(readSet(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS), readSet(Mnist.TEST_IMAGES, Mnist.TEST_LABELS));
    }

    /** Parses before checking the SHA-256, so a malformed file is reported with its byte offset. */
    private MnistSet readSet(String imagesName, String labelsName) {
        Path imagesFile = locate(imagesName);
        Path labelsFile = locate(labelsName);
        try {
            byte[] content = content(imagesName, imagesFile);
            IdxReader.Idx images = IdxReader.readImages(imagesFile.toString(), content);
            verify(imagesName, imagesFile, content);
            content = content(labelsName, labelsFile);
            byte[] labels = IdxReader.readLabels(labelsFile.toString(), content, MnistSet.CLASSES);
            verify(labelsName, labelsFile, content);
            int[] dims = images.dims();   // count, rows, cols
            IdxReader.requireSameCount(imagesFile.toString(), dims[0], labelsFile.toString(), labels.length);
            return new MnistSet(images.data(), labels, dims[0], dims[1], dims[2]);
        } catch (MnistException e) {
            throw new MnistException(e.getMessage() + LEFT_IN_PLACE);
        }
    }

    /** The raw file if present, else the .gz, else null. */
    Path locate(String name) {
        Path raw = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(raw) ? raw : Files.isRegularFile(gz) ? gz : null;
    }

    private byte[] content(String name, Path file) {
        try {
            return read(file, file.getFileName().toString().endsWith(".gz"), originals.get(name).size());
        } catch (IOException e) {
            throw new MnistException(file + ": " + e.getMessage());
        }
    }

    private void verify(String name, Path file, byte[] content) {
        String mismatch = mismatch(content, originals.get(name));
        if (mismatch != null) {
            throw new MnistException(file + ": " + mismatch + " (the file is corrupt or not the original MNIST file)");
        }
    }

    /** Why {@code content} is not the original, or null when its SHA-256 matches. */
    private static String mismatch(byte[] content, Mnist.Original original) {
        String actual = sha256Hex(content);
        return actual.equals(original.sha256()) ? null
                : "SHA-256 of the decompressed content is " + actual + " but expected " + original.sha256();
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

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Removes the temporary files of downloads whose process has ended (killed mid-download), and says so. */
    private void removeStaleTemps() {
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
    void download(String name) {
        Mnist.Original original = originals.get(name);
        boolean folderExisted = Files.isDirectory(dir);
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();   // the folder is created only when a download writes into it
        }
        if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw offline(name, List.of("cannot write into " + dir.toAbsolutePath() + " (" + existing
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
                String mismatch = mismatch(read(tmp, true, original.size()), original);
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
        throw offline(name, failures);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a folder that is not empty stays; a leftover temporary file is removed by the next run
        }
    }

    private MnistException offline(String name, List<String> failures) {
        StringBuilder m = new StringBuilder("MNIST: " + name + ".gz is missing from " + dir.toAbsolutePath()
                + " and could not be downloaded" + (mirrors.isEmpty() ? " (no mirrors given)" : "") + ":\n");
        for (String f : failures) {
            m.append("  ").append(f).append('\n');
        }
        m.append("Copy these files (gzipped as named, or decompressed without .gz) into ").append(dir.toAbsolutePath())
                .append(":\n");
        for (String f : originals.keySet()) {
            if (locate(f) == null) {
                m.append("  ").append(f).append(".gz\n");
            }
        }
        return new MnistException(m.append("A clone of dlfs-java has all four in its mnist/ folder; -Ddlfs.mnist.dir=DIR"
                + " or the environment variable DLFS_MNIST_DIR makes the loader read them from DIR.").toString());
    }
}
