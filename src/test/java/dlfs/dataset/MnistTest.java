package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.testing.RealMnist;
import dlfs.testing.SystemProperties;
import dlfs.util.ProjectDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @Test
    void mirrorsAreTriedInOrder() {
        assertThat(MnistDownload.MIRRORS).containsExactly("https://ossci-datasets.s3.amazonaws.com/mnist/",
                "https://storage.googleapis.com/cvdf-datasets/mnist/", "http://yann.lecun.com/exdb/mnist/");
    }

    @Test
    void mirrorPropertyReplacesTheList() {
        String old = System.getProperty("dlfs.mnist.mirrors");
        try {
            System.setProperty("dlfs.mnist.mirrors", " http://a.example/m, file:///b/n/ ");
            assertThat(MnistDownload.mirrors()).containsExactly("http://a.example/m", "file:///b/n/");
            System.clearProperty("dlfs.mnist.mirrors");
            assertThat(MnistDownload.mirrors()).isEqualTo(MnistDownload.MIRRORS);
        } finally {
            SystemProperties.restore("dlfs.mnist.mirrors", old);
        }
    }

    @Test
    void dirPropertyComesFirstThenTheEnvironmentThenTheProjectsMnistFolder() {
        String old = System.getProperty("dlfs.mnist.dir");
        try {
            System.setProperty("dlfs.mnist.dir", "/some/where");
            assertThat(Mnist.defaultDir()).isEqualTo(Path.of("/some/where"));
            System.clearProperty("dlfs.mnist.dir");
            String env = System.getenv("DLFS_MNIST_DIR");
            assertThat(Mnist.defaultDir()).isEqualTo(env == null || env.isBlank() ? ProjectDir.root().resolve("mnist") : Path.of(env));
        } finally {
            SystemProperties.restore("dlfs.mnist.dir", old);
        }
    }

    /** The repository holds the four files, gzipped, in mnist/ beside pom.xml, where defaultDir() looks by default. */
    @Test
    void theRepositoryHoldsTheFourFiles() {
        Path mnist = ProjectDir.root().resolve("mnist");
        assertThat(mnist.resolveSibling("pom.xml")).isRegularFile();
        for (String name : Mnist.ORIGINALS.keySet()) {
            assertThat(mnist.resolve(name + ".gz")).isRegularFile();
        }
        assertThat(List.copyOf(Mnist.ORIGINALS.keySet())).containsExactly(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS,
                Mnist.TEST_IMAGES, Mnist.TEST_LABELS);
        assertThat(Files.isDirectory(mnist)).isTrue();
    }

    @Test
    void testsWithoutTheFilesFailNamingTheFourFilesAndTheFolder(@TempDir Path empty) {
        String old = System.getProperty("dlfs.mnist.dir");
        try {
            System.setProperty("dlfs.mnist.dir", empty.toString());
            assertThatThrownBy(RealMnist::dir).isInstanceOf(AssertionError.class)
                    .hasMessage("The MNIST tests need train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                            + " t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz in " + empty.toAbsolutePath()
                            + ", but train-images-idx3-ubyte.gz is missing. Copy the four files into that folder (a clone of"
                            + " dlfs-java has them in mnist/, and git checkout -- mnist/ restores them there), or point"
                            + " -Ddlfs.mnist.dir or DLFS_MNIST_DIR at a folder that has them.");
        } finally {
            SystemProperties.restore("dlfs.mnist.dir", old);
        }
    }

}
