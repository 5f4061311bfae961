package dlfs.dataset;

import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * MNIST, the book's {@code load_mnist(normalize=True)} (§3.6.1; port of dataset/mnist.py): 60000 training and
 * 10000 test images of 28×28 with their labels, from the four original files in {@code mnist/} (see its README).
 * <pre>
 *   Mnist mnist = Mnist.load();
 *   MnistSet train = mnist.train(), test = mnist.test();
 *   Matrix x = train.images(batchMask);  int[] t = train.labels(batchMask);
 * </pre>
 * Each file goes the same way on every load: the committed {@code .gz} is read whole ({@link MnistFile}), its
 * SHA-256 checked, its IDX content parsed ({@link IdxReader}) and kept as bytes in an {@link MnistSet}. A file
 * missing from the folder is downloaded first ({@link MnistDownload}); a clone of the project has all four.
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

    private static final String LEFT_IN_PLACE = ". It was left in place: replace it with a good copy (a clone of"
            + " dlfs-java has all four files in mnist/) or delete it to have it downloaded again.";

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

    /** Loads MNIST from {@link #defaultDir()}. */
    public static Mnist load() {
        return load(defaultDir());
    }

    /** Loads MNIST from {@code dir}, downloading a missing file into it first. */
    public static Mnist load(Path dir) {
        return load(dir, ORIGINALS, MnistDownload.fromMirrors());
    }

    /**
     * Loads the files {@code originals} names from {@code dir}; a bad one is reported, never deleted. The test set
     * is read on a second thread meanwhile; an error in the training set is reported first, as when read in turn.
     */
    static Mnist load(Path dir, Map<String, Original> originals, MnistDownload download) {
        download.fetchMissing(dir, originals);
        try {
            CompletableFuture<MnistSet> test = CompletableFuture.supplyAsync(
                    () -> readSet(dir, originals, TEST_IMAGES, TEST_LABELS));
            MnistSet train = readSet(dir, originals, TRAIN_IMAGES, TRAIN_LABELS);
            return new Mnist(train, join(test));
        } catch (MnistException e) {
            throw new MnistException(e.getMessage() + LEFT_IN_PLACE);
        }
    }

    /**
     * One set, file by file: read (decompressed, at most the original's size, its SHA-256 computed meanwhile),
     * parsed (so that a malformed file is reported with its byte offset), its SHA-256 checked; then the counts of
     * images and labels compared.
     */
    private static MnistSet readSet(Path dir, Map<String, Original> originals, String imagesName, String labelsName) {
        Path imagesFile = MnistFile.locate(dir, imagesName);
        MnistFile.Content content = MnistFile.read(imagesFile, originals.get(imagesName));
        IdxReader.Idx images = IdxReader.readImages(imagesFile.toString(), content.bytes());
        MnistFile.verify(imagesFile, content, originals.get(imagesName));

        Path labelsFile = MnistFile.locate(dir, labelsName);
        content = MnistFile.read(labelsFile, originals.get(labelsName));
        byte[] labels = IdxReader.readLabels(labelsFile.toString(), content.bytes(), MnistSet.CLASSES);
        MnistFile.verify(labelsFile, content, originals.get(labelsName));

        int[] dims = images.dims();   // count, rows, cols
        IdxReader.requireSameCount(imagesFile.toString(), dims[0], labelsFile.toString(), labels.length);
        return new MnistSet(images.content(), images.offset(), labels, dims[0], dims[1], dims[2]);
    }

    /** The set {@code set} computes, or the error it threw. */
    private static MnistSet join(CompletableFuture<MnistSet> set) {
        try {
            return set.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** {@code -Ddlfs.mnist.dir}, else {@code $DLFS_MNIST_DIR}, else the project's {@code mnist/}, from any working directory. */
    public static Path defaultDir() {
        String property = System.getProperty("dlfs.mnist.dir", "");
        String env = System.getenv("DLFS_MNIST_DIR");
        if (!property.isBlank()) {
            return path("-Ddlfs.mnist.dir=", property);
        }
        return env != null && !env.isBlank() ? path("DLFS_MNIST_DIR=", env) : ProjectDir.resolve("mnist");
    }

    /** The folder a setting names; a name this system cannot encode (e.g. non-ASCII under LANG=C) is a user error. */
    private static Path path(String setting, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UserError(setting + value + " is not a folder name this system can use (" + e.getReason()
                    + " in the file name encoding " + System.getProperty("sun.jnu.encoding")
                    + "; use a UTF-8 locale such as LANG=C.UTF-8, or a folder whose name is plain ASCII)");
        }
    }

    @Override
    public String toString() {
        return "Mnist train=" + train + ", test=" + test;
    }
}
