package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.matrix.Matrix;
import dlfs.testing.RealMnist;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real MNIST files (see {@link RealMnist}: the repository's mnist/ unless overridden). Fails, never skips, when
 * the files are not there. Known values checked against the book's load_mnist.
 */
class MnistRealFilesTest {
    private static Mnist mnist;
    private static Path dir;

    @BeforeAll
    static void load() {
        dir = RealMnist.dir();
        mnist = Mnist.load(dir, Mnist.ORIGINALS, new MnistDownload(List.of(), new Downloader(System.out,
                Duration.ofSeconds(1), Duration.ofSeconds(1))));   // no mirrors: a missing file fails at once
    }

    @Test
    void sizesAndHashesOfTheOriginalsMatchTheFiles() throws IOException {
        for (Map.Entry<String, Mnist.Original> e : Mnist.ORIGINALS.entrySet()) {
            Path file = MnistFile.locate(dir, e.getKey());
            MnistFile.Content content = MnistFile.read(file, e.getValue());
            assertThat(content.bytes()).as(e.getKey()).hasSize((int) e.getValue().size());
            assertThat(content.sha256()).as(e.getKey()).isEqualTo(e.getValue().sha256())
                    .isEqualTo(MnistFile.sha256Hex(content.bytes()));
        }
    }

    @Test
    void sizes() {
        assertThat(mnist.train().size()).isEqualTo(60000);
        assertThat(mnist.test().size()).isEqualTo(10000);
        assertThat(mnist.train()).hasToString("MnistSet 60000 images of 28x28");
    }

    @Test
    void firstTenLabels() {
        assertThat(mnist.train().labels(0, 10)).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(mnist.test().labels(0, 10)).containsExactly(7, 2, 1, 0, 4, 1, 4, 9, 5, 9);
    }

    /** Sums of the raw pixel values (0..255) of the first training and test image, as numpy gives them. */
    @Test
    void pixelSumOfFirstImages() {
        assertThat(rawSum(mnist.train().images(0, 1))).isEqualTo(27525);
        assertThat(rawSum(mnist.test().images(0, 1))).isEqualTo(18454);
    }

    private static long rawSum(Matrix x) {
        long sum = 0;
        for (double v : x.data[0]) {
            sum += Math.round(v * 255);   // undoes the float32 division exactly
        }
        return sum;
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
