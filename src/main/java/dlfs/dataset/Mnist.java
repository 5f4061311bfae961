package dlfs.dataset;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MNIST, the book's {@code load_mnist} (§3.6.1; port of dataset/mnist.py): 60000 training and 10000 test
 * images of 28×28 with their labels, read from the four original IDX files.
 *
 * <p>The files are looked for in {@code -Ddlfs.mnist.dir=DIR}, else the environment variable
 * {@code DLFS_MNIST_DIR}, else {@code mnist/} under the working directory; each may be raw or gzipped. Their
 * decompressed content must match the SHA-256 below. A missing file is downloaded (as {@code .gz}) from
 * {@link #MIRRORS}, tried in order; see {@link MnistFiles}.
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

    /** SHA-256 of each file's decompressed content, so any faithful copy passes whatever its gzip encoding. */
    static final Map<String, String> SHA256 = new LinkedHashMap<>();

    static {
        SHA256.put(TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        SHA256.put(TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
        SHA256.put(TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
        SHA256.put(TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    }

    /**
     * Where missing files are downloaded from, in order: the mirror the book's own repository now uses, then
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

    /** Loads MNIST from {@link #defaultDir()}, downloading missing files. */
    public static Mnist load() {
        return load(defaultDir());
    }

    /** Loads MNIST from {@code dir}, downloading missing files into it. */
    public static Mnist load(Path dir) {
        return new MnistFiles(dir, mirrors(), SHA256, System.out, VerifiedFiles.standard()).load();
    }

    /** {@code -Ddlfs.mnist.dir}, else {@code $DLFS_MNIST_DIR}, else {@code ./mnist}. */
    public static Path defaultDir() {
        String property = System.getProperty("dlfs.mnist.dir");
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        String env = System.getenv("DLFS_MNIST_DIR");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get("mnist");
    }

    /** {@link #MIRRORS}, or the comma-separated list in {@code -Ddlfs.mnist.mirrors}. */
    static List<String> mirrors() {
        String property = System.getProperty("dlfs.mnist.mirrors");
        if (property == null || property.isBlank()) {
            return MIRRORS;
        }
        List<String> list = new ArrayList<>();
        for (String url : property.split(",")) {
            if (!url.isBlank()) {
                list.add(url.strip().endsWith("/") ? url.strip() : url.strip() + "/");
            }
        }
        return list;
    }

    @Override
    public String toString() {
        return "Mnist train=" + train + ", test=" + test;
    }
}
