package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class MnistTest {
    @Test
    void mirrorsAreTriedInTheIssuesOrder() {
        assertThat(Mnist.MIRRORS).containsExactly("https://ossci-datasets.s3.amazonaws.com/mnist/",
                "https://storage.googleapis.com/cvdf-datasets/mnist/", "http://yann.lecun.com/exdb/mnist/");
    }

    @Test
    void mirrorPropertyReplacesTheList() {
        String old = System.getProperty("dlfs.mnist.mirrors");
        try {
            System.setProperty("dlfs.mnist.mirrors", "http://a.example/m, http://b.example/n/");
            assertThat(Mnist.mirrors()).containsExactly("http://a.example/m/", "http://b.example/n/");
            System.clearProperty("dlfs.mnist.mirrors");
            assertThat(Mnist.mirrors()).isEqualTo(Mnist.MIRRORS);
        } finally {
            restore("dlfs.mnist.mirrors", old);
        }
    }

    @Test
    void dirPropertyComesFirst() {
        String old = System.getProperty("dlfs.mnist.dir");
        try {
            System.setProperty("dlfs.mnist.dir", "/some/where");
            assertThat(Mnist.defaultDir()).isEqualTo(Paths.get("/some/where"));
            System.clearProperty("dlfs.mnist.dir");
            String env = System.getenv("DLFS_MNIST_DIR");
            assertThat(Mnist.defaultDir()).isEqualTo(Paths.get(env == null || env.isBlank() ? "mnist" : env));
        } finally {
            restore("dlfs.mnist.dir", old);
        }
    }

    @Test
    void productionHashesCoverTheFourFiles() {
        assertThat(Mnist.SHA256.keySet()).containsExactly(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES,
                Mnist.TEST_LABELS);
        assertThat(List.copyOf(Mnist.SHA256.values())).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
