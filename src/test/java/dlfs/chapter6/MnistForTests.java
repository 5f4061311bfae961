package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The real MNIST files from {@code DLFS_MNIST_DIR} (CI: ../shared/mnist), loaded once; fails, never skips. */
final class MnistForTests {
    private static Mnist mnist;

    private MnistForTests() {
    }

    static synchronized Mnist mnist() {
        if (mnist == null) {
            String dir = System.getenv("DLFS_MNIST_DIR");
            assertThat(dir).as("environment variable DLFS_MNIST_DIR (the folder with the MNIST files)").isNotBlank();
            Path path = Paths.get(dir);
            assertThat(Files.isDirectory(path)).as("DLFS_MNIST_DIR=" + dir + " is a folder").isTrue();
            mnist = Mnist.load(path);
        }
        return mnist;
    }
}
