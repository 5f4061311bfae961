package dlfs.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The four MNIST files in one folder: finds each (raw or {@code .gz}), downloads the missing ones, reads,
 * parses and verifies them. A download goes to a temporary file, is verified, and only then moved into place,
 * so a failed or corrupt download leaves nothing behind. A corrupt file the user put there is reported, never
 * deleted. Mirrors and hashes are parameters so the tests can serve their own small files.
 */
final class MnistFiles {
    private final Path dir;
    private final List<String> mirrors;
    private final Map<String, String> sha256;   // file name (without .gz) -> SHA-256 of the decompressed content
    private final PrintStream out;
    private final VerifiedFiles verified;

    MnistFiles(Path dir, List<String> mirrors, Map<String, String> sha256, PrintStream out, VerifiedFiles verified) {
        this.dir = dir;
        this.mirrors = mirrors;
        this.sha256 = sha256;
        this.out = out;
        this.verified = verified;
    }

    /** Downloads what is missing, then reads the training and test sets. */
    Mnist load() {
        downloadMissing();
        MnistSet train = readSet(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS);
        MnistSet test = readSet(Mnist.TEST_IMAGES, Mnist.TEST_LABELS);
        return new Mnist(train, test);
    }

    private MnistSet readSet(String imagesName, String labelsName) {
        Path imagesFile = locate(imagesName);
        Path labelsFile = locate(labelsName);
        byte[] imagesContent = readContent(imagesName, imagesFile);
        IdxReader.Images images;
        try {
            images = IdxReader.readImages(imagesFile.toString(), imagesContent);
        } catch (MnistException e) {
            throw new MnistException(e.getMessage() + ". " + replaceAdvice(imagesName), e);
        }
        verify(imagesName, imagesFile, imagesContent);
        byte[] labelsContent = readContent(labelsName, labelsFile);
        byte[] labels;
        try {
            labels = IdxReader.readLabels(labelsFile.toString(), labelsContent, MnistSet.CLASSES);
        } catch (MnistException e) {
            throw new MnistException(e.getMessage() + ". " + replaceAdvice(labelsName), e);
        }
        verify(labelsName, labelsFile, labelsContent);
        IdxReader.requireSameCount(imagesFile.toString(), images.count(), labelsFile.toString(), labels.length);
        return new MnistSet(images.pixels(), labels, images.count(), images.rows(), images.cols());
    }

    /** The raw file if present, else the .gz, else null. */
    Path locate(String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    private byte[] readContent(String name, Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            throw new MnistException(file + ": cannot be read (" + e + "). " + replaceAdvice(name), e);
        }
    }

    /** Checks the SHA-256 of the decompressed content (skipped if the file is remembered as verified). */
    private void verify(String name, Path file, byte[] content) {
        String expected = sha256.get(name);
        if (!verified.isVerified(file, expected)) {
            String actual = sha256Hex(content);
            if (!actual.equals(expected)) {
                throw new MnistException(file + ": SHA-256 of the decompressed content is " + actual + " but expected "
                        + expected + " (the file is corrupt or not the original MNIST file). " + replaceAdvice(name));
            }
            verified.remember(file, expected);
        }
    }

    private String replaceAdvice(String name) {
        return "It was left in place: replace it with a good copy of " + name + " or " + name
                + ".gz, or delete it to have it downloaded again.";
    }

    /** All bytes of the file, gunzipped if its name ends in .gz. */
    static byte[] read(Path file) throws IOException {
        return read(file, file.getFileName().toString().endsWith(".gz"));
    }

    static byte[] read(Path file, boolean gzipped) throws IOException {
        if (!gzipped) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, 6 * Files.size(file)));
            in.transferTo(bytes);
            return bytes.toByteArray();
        }
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private void downloadMissing() {
        List<String> missing = new ArrayList<>();
        for (String name : sha256.keySet()) {
            if (locate(name) == null) {
                missing.add(name);
            }
        }
        for (String name : missing) {
            download(name, missing);
        }
    }

    /** Tries each mirror in order for {@code name}.gz; throws the offline message if all fail. */
    void download(String name, List<String> missing) {
        List<String> failures = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, name + ".gz.", ".tmp"));   // can we write here at all?
        } catch (IOException e) {
            failures.add("cannot write into the folder " + dir.toAbsolutePath() + ": " + describe(e));
            throw offline(name, failures, missing);
        }
        for (String mirror : mirrors) {
            String url = mirror + name + ".gz";
            try {
                fetchVerified(url, name);
                return;
            } catch (IOException | RuntimeException e) {
                failures.add(url + ": " + describe(e));
            }
        }
        throw offline(name, failures, missing);
    }

    private void fetchVerified(String url, String name) throws IOException {
        out.println("MNIST: downloading " + url);
        Path target = dir.resolve(name + ".gz");
        // a fresh name beside the target (created by the download, so it gets the usual permissions)
        Path tmp = dir.resolve(name + ".gz." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        try {
            new Downloader(out).fetch(url, tmp);
            String actual;
            try {
                actual = sha256Hex(read(tmp, true));
            } catch (IOException e) {
                throw new IOException("downloaded file is not valid gzip (" + e.getMessage() + ")", e);
            }
            String expected = sha256.get(name);
            if (!actual.equals(expected)) {
                throw new IOException("SHA-256 of the decompressed content is " + actual + " but expected " + expected);
            }
            moveIntoPlace(tmp, target);
            verified.remember(target, expected);
            out.println("MNIST: saved " + target.toAbsolutePath() + " (SHA-256 verified)");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    private MnistException offline(String name, List<String> failures, List<String> missing) {
        StringBuilder m = new StringBuilder("MNIST: could not download " + name + ".gz from any mirror:\n");
        for (String f : failures) {
            m.append("  ").append(f).append('\n');
        }
        m.append("To work offline, put these files (gzipped as named, or decompressed without .gz) into ")
                .append(dir.toAbsolutePath()).append(":\n");
        for (String f : missing) {
            if (locate(f) == null) {
                m.append("  ").append(f).append(".gz\n");
            }
        }
        m.append("or point -Ddlfs.mnist.dir=DIR or the environment variable DLFS_MNIST_DIR at a folder that holds them.");
        return new MnistException(m.toString());
    }
}
