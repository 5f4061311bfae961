package dlfs.testing;

import static org.assertj.core.api.Assertions.fail;

import dlfs.dataset.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real MNIST files for the tests, loaded once, from {@link Mnist#defaultDir()}: the repository's own
 * {@code mnist/} unless {@code -Ddlfs.mnist.dir} or {@code DLFS_MNIST_DIR} points elsewhere. A test that needs
 * them fails, never skips and never downloads, when they are not there.
 */
public final class RealMnist {
    private static final String[] FILES = {Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS};
    private static Mnist mnist;

    private RealMnist() {
    }

    /** The folder with the four files; fails naming them and the folder to copy them into if one is missing. */
    public static Path dir() {
        Path dir = Mnist.defaultDir();
        for (String name : FILES) {
            if (!Files.isRegularFile(dir.resolve(name)) && !Files.isRegularFile(dir.resolve(name + ".gz"))) {
                fail("The MNIST tests need " + String.join(".gz, ", FILES) + ".gz in " + dir.toAbsolutePath() + ", but "
                        + name + ".gz is missing. Copy the four files into that folder (a clone of dlfs-java has them in"
                        + " mnist/, and git checkout -- mnist/ restores them there), or point -Ddlfs.mnist.dir or"
                        + " DLFS_MNIST_DIR at a folder that has them.");
            }
        }
        return dir;
    }

    /** MNIST from {@link #dir()}, loaded and checked once per test run. */
    public static synchronized Mnist load() {
        if (mnist == null) {
            mnist = Mnist.load(dir());
        }
        return mnist;
    }
}
