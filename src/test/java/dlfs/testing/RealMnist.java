package dlfs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real MNIST files for the tests, loaded once: from {@code DLFS_MNIST_DIR} (CI sets it to ../shared/mnist),
 * else from the project's own {@code mnist/} folder, where the experiments download them. A test that needs
 * them fails, never skips and never downloads, when they are not there.
 */
public final class RealMnist {
    private static Mnist mnist;

    private RealMnist() {
    }

    /** The folder with the four files; fails with what to do if they are not there. */
    public static Path dir() {
        String env = System.getenv("DLFS_MNIST_DIR");
        Path dir = Path.of(env != null && !env.isBlank() ? env : "mnist");
        for (String name : new String[] {Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS}) {
            assertThat(Files.exists(dir.resolve(name)) || Files.exists(dir.resolve(name + ".gz")))
                    .as("MNIST file %s(.gz) in %s: run `mvn -q compile exec:java` once to download the files into"
                            + " mnist/, or set DLFS_MNIST_DIR to a folder that has them", name, dir.toAbsolutePath())
                    .isTrue();
        }
        return dir;
    }

    /** MNIST from {@link #dir()}, loaded and verified once per test run. */
    public static synchronized Mnist load() {
        if (mnist == null) {
            mnist = Mnist.load(dir());
        }
        return mnist;
    }
}
