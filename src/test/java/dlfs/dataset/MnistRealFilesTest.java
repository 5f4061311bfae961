package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dlfs.matrix.Matrix;
import dlfs.testing.RealMnist;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real MNIST files (see {@link RealMnist}: DLFS_MNIST_DIR, which CI points at ../shared/mnist, else mnist/). Fails, never skips, when
 * the files are not there. Known values checked against the book's load_mnist.
 */
class MnistRealFilesTest {
    private static Mnist mnist;
    private static Path path;

    @BeforeAll
    static void load() {
        path = RealMnist.dir();
        // no mirrors: a missing file fails at once instead of being downloaded
        mnist = new MnistFiles(path, List.of(), Mnist.SHA256, System.out, new VerifiedFiles(null)).load();
    }

    @Test
    void productionHashesMatchTheRealFiles() throws java.io.IOException {
        MnistFiles files = new MnistFiles(path, List.of(), Mnist.SHA256, System.out, new VerifiedFiles(null));
        for (var e : Mnist.SHA256.entrySet()) {
            assertThat(MnistFiles.sha256Hex(MnistFiles.read(files.locate(e.getKey())))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void sizes() {
        assertThat(mnist.train().size()).isEqualTo(60000);
        assertThat(mnist.test().size()).isEqualTo(10000);
        assertThat(mnist.train().pixelsPerImage()).isEqualTo(784);
    }

    @Test
    void firstTenLabels() {
        assertThat(mnist.train().labels(0, 10)).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(mnist.test().labels(0, 10)).containsExactly(7, 2, 1, 0, 4, 1, 4, 9, 5, 9);
    }

    @Test
    void pixelSumOfFirstImages() {
        assertThat(mnist.train().images(new int[] {0}, false).sum()).isEqualTo(27525.0);
        assertThat(mnist.test().images(new int[] {0}, false).sum()).isEqualTo(18454.0);
        assertThat(mnist.train().images(0, 1).sum()).isCloseTo(27525 / 255.0, within(1e-9));
    }

    @Test
    void trainingClassCounts() {
        int[] counts = new int[10];
        for (int t : mnist.train().labels(0, 60000)) {
            counts[t]++;
        }
        assertThat(counts).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    }

    @Test
    void unflattenedImageMatchesFlatRow() {
        Matrix flat = mnist.train().images(new int[] {7}, false);
        Matrix img = mnist.train().image(7, false);
        assertThat(img.shape()).isEqualTo("28x28");
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                assertThat(img.data[r][c]).isEqualTo(flat.data[0][r * 28 + c]);
                assertThat(mnist.train().pixel(7, r, c)).isEqualTo((int) flat.data[0][r * 28 + c]);
            }
        }
    }

    @Test
    void normalizedPixelsAreInZeroOne() {
        Matrix x = mnist.test().images(0, 100);
        assertThat(x.shape()).isEqualTo("100x784");
        double max = 0;
        for (double[] row : x.data) {
            for (double v : row) {
                assertThat(v).isBetween(0.0, 1.0);
                max = Math.max(max, v);
            }
        }
        assertThat(max).isEqualTo(1.0);
    }
}
