package dlfs.dataset;

import dlfs.util.ProjectDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MNIST, the book's {@code load_mnist(normalize=True)} (§3.6.1; port of dataset/mnist.py): 60000 training and
 * 10000 test images of 28×28 with their labels, from the four original files in {@code mnist/} (see its README).
 * <pre>
 *   Mnist mnist = Mnist.load();
 *   MnistSet train = mnist.train(), test = mnist.test();
 *   Matrix x = train.images(batchMask);  int[] t = train.labels(batchMask);
 * </pre>
 */
public final class Mnist {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** A file's decompressed size and SHA-256, so any faithful copy passes whatever its gzip encoding. */
    record Original(long size, String sha256) {
    }

    /** The four original files, in the order the book's load_mnist reads them. */
    static final Map<String, Original> ORIGINALS = new LinkedHashMap<>();

    static {
        ORIGINALS.put(TRAIN_IMAGES, new Original(47_040_016, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"));
        ORIGINALS.put(TRAIN_LABELS, new Original(60_008, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"));
        ORIGINALS.put(TEST_IMAGES, new Original(7_840_016, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"));
        ORIGINALS.put(TEST_LABELS, new Original(10_008, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));
    }

    /**
     * Where a missing file is downloaded from, in order: the mirror the book's own repository now uses, then
     * Google's CVDF copy, then the original host (which nowadays refuses most downloads).
     * {@code -Ddlfs.mnist.mirrors=URL1,URL2} replaces the list.
     */
    public static final List<String> MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "http://yann.lecun.com/exdb/mnist/");

    private final MnistSet train;
    private final MnistSet test;

    Mnist(MnistSet train, MnistSet test) {
        this.train = train;
        this.test = test;
    }

    /** The 60000 training images and labels (the book's {@code x_train, t_train}). */
    public MnistSet train() {
        return train;
    }

    /** The 10000 test images and labels (the book's {@code x_test, t_test}). */
    public MnistSet test() {
        return test;
    }

    /** Loads MNIST from {@link #defaultDir()}, downloading a missing file. */
    public static Mnist load() {
        return load(defaultDir());
    }

    /**
     * Loads MNIST from {@code dir}, downloading a missing file into it: a mirror that sends less than 1 KiB in
     * 30 s is abandoned for the next one; progress is printed every 5 s.
     */
    public static Mnist load(Path dir) {
        Downloader downloader = new Downloader(System.out, Duration.ofSeconds(30), Duration.ofSeconds(5));
        return new MnistFiles(dir, ORIGINALS, mirrors(), downloader).load();
    }

    /** {@code -Ddlfs.mnist.dir}, else {@code $DLFS_MNIST_DIR}, else the project's {@code mnist/}, from any working directory. */
    public static Path defaultDir() {
        String property = System.getProperty("dlfs.mnist.dir", "");
        String env = Objects.requireNonNullElse(System.getenv("DLFS_MNIST_DIR"), "");
        return !property.isBlank() ? Path.of(property) : !env.isBlank() ? Path.of(env) : ProjectDir.resolve("mnist");
    }

    /** {@link #MIRRORS}, or the comma-separated list in {@code -Ddlfs.mnist.mirrors}. */
    static List<String> mirrors() {
        String property = System.getProperty("dlfs.mnist.mirrors", "");
        return property.isBlank() ? MIRRORS : List.of(property.strip().split("\\s*,\\s*"));
    }

    @Override
    public String toString() {
        return "Mnist train=" + train + ", test=" + test;
    }
}
