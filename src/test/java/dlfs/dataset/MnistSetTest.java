package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withPrecision;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** MnistSet on 5 images of 2x3 built by hand: image n has pixels 50n + k (k = 0..5), label (n + 3) mod 10. */
class MnistSetTest {
    private final MnistSet set = build();

    private static MnistSet build() {
        byte[] pixels = new byte[5 * 6];
        byte[] labels = new byte[5];
        for (int n = 0; n < 5; n++) {
            for (int k = 0; k < 6; k++) {
                pixels[n * 6 + k] = (byte) (50 * n + k);   // up to 205: exercises unsigned bytes above 127
            }
            labels[n] = (byte) ((n + 3) % 10);
        }
        return new MnistSet(pixels, 0, labels, 5, 2, 3);
    }

    /** The book's normalisation of pixel value v: float32 division, x.astype(np.float32) / 255.0. */
    private static double book(int v) {
        return (double) ((float) v / 255f);
    }

    @Test
    void imagesAreNormalizedRowsInIndexOrder() {
        Matrix x = set.images(new int[] {4, 0, 4});
        assertThat(x.shape()).isEqualTo("3x6");
        assertThat(x.data[0]).containsExactly(new double[] {book(200), book(201), book(202), book(203), book(204),
                book(205)}, withPrecision(0.0));
        assertThat(x.data[1]).containsExactly(new double[] {0, book(1), book(2), book(3), book(4), book(5)},
                withPrecision(0.0));
        assertThat(x.data[2]).containsExactly(x.data[0], withPrecision(0.0));
    }

    /**
     * All 256 pixel values against the expression and against the float32 values numpy computes in the book's
     * load_mnist (src/test/resources/reference/mnist_normalize.py printed them). 254 of them differ from v/255.0.
     */
    @Test
    void everyPixelValueIsNormalizedAsTheBooksFloat32Division() throws IOException {
        byte[] pixels = new byte[256];
        for (int v = 0; v < 256; v++) {
            pixels[v] = (byte) v;
        }
        double[] row = new MnistSet(pixels, 0, new byte[1], 1, 16, 16).images(new int[] {0}).data[0];
        String[] numpy = reference();
        assertThat(numpy).hasSize(256);
        int differFromDouble = 0;
        for (int v = 0; v < 256; v++) {
            String[] f = numpy[v].split(" ");   // v, float32 bits in hex, repr of the float32 as a double
            assertThat(Integer.parseInt(f[0])).isEqualTo(v);
            assertThat(row[v]).as("pixel %d", v).isEqualTo((double) ((float) v / 255f)).isEqualTo(Double.parseDouble(f[2]));
            assertThat(String.format("%08x", Float.floatToIntBits((float) row[v]))).as("pixel %d", v).isEqualTo(f[1]);
            differFromDouble += row[v] != v / 255.0 ? 1 : 0;
        }
        assertThat(differFromDouble).isEqualTo(254);   // only 0 and 255 divide exactly
    }

    private static String[] reference() throws IOException {
        try (InputStream in = MnistSetTest.class.getResourceAsStream("/reference/mnist_normalize.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip().split("\n");
        }
    }

    @Test
    void labelsAndSlices() {
        assertThat(set.labels(new int[] {0, 4, 2})).containsExactly(3, 7, 5);
        assertThat(set.labels(1, 4)).containsExactly(4, 5, 6);
        assertThat(set.images(1, 3).data[1]).containsExactly(set.images(new int[] {2}).data[0], withPrecision(0.0));
        assertThat(set.images(1, 3).data[0][5]).isEqualTo(book(55));
    }

    @Test
    void firstSharesDataAndLimitsIndices() {
        MnistSet small = set.first(2);
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.labels(0, 2)).containsExactly(3, 4);
        assertThatThrownBy(() -> small.labels(new int[] {1, 2}))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("labels: idx[1] = 2 is outside 0..1");
        assertThatThrownBy(() -> set.first(6)).hasMessage("first: n=6 is outside 1..5");
    }

    @Test
    void randomBatchIsTheBooksChoiceWithReplacement() {
        int[] idx = set.randomBatch(new Rng(7), 50);
        assertThat(idx).containsExactly(new Rng(7).choice(5, 50));
        assertThat(Arrays.stream(idx).boxed().toList()).allSatisfy(i -> assertThat(i).isBetween(0, 4));
    }

    @Test
    void badIndicesAndSlicesAreReported() {
        assertThatThrownBy(() -> set.images(new int[] {0, -1})).hasMessage("images: idx[1] = -1 is outside 0..4");
        assertThatThrownBy(() -> set.images(new int[0])).hasMessage("images: no indices (a batch needs at least one image)");
        assertThatThrownBy(() -> set.images(3, 6))
                .hasMessage("images: slice 3..6 is not within 0..5 (need 0 <= from < to <= size)");
    }

    @Test
    void toStringShowsSizeAndShape() {
        assertThat(set.first(4)).hasToString("MnistSet 4 images of 2x3");
    }
}
