package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withPrecision;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import org.junit.jupiter.api.Test;

/** MnistSet on 5 images of 2x3 built by hand: image n has pixels 50n + k (k = 0..5), label (n + 3) mod 10. */
class MnistSetTest {
    private final MnistSet set = build();

    private static MnistSet build() {
        byte[][] pixels = new byte[5][6];
        byte[] labels = new byte[5];
        for (int n = 0; n < 5; n++) {
            for (int k = 0; k < 6; k++) {
                pixels[n][k] = (byte) (50 * n + k);   // up to 205: exercises unsigned bytes above 127
            }
            labels[n] = (byte) ((n + 3) % 10);
        }
        return new MnistSet(pixels, labels, 5, 2, 3);
    }

    @Test
    void imagesAreNormalizedRowsInIndexOrder() {
        Matrix x = set.images(new int[] {4, 0, 4});
        assertThat(x.shape()).isEqualTo("3x6");
        assertThat(x.data[0]).containsExactly(new double[] {200 / 255.0, 201 / 255.0, 202 / 255.0, 203 / 255.0,
                204 / 255.0, 205 / 255.0}, withPrecision(0.0));
        assertThat(x.data[1]).containsExactly(new double[] {0, 1 / 255.0, 2 / 255.0, 3 / 255.0, 4 / 255.0, 5 / 255.0},
                withPrecision(0.0));
        assertThat(x.data[2]).containsExactly(x.data[0], withPrecision(0.0));
    }

    @Test
    void rawImagesKeepPixelValues() {
        assertThat(set.images(new int[] {3}, false).data[0]).containsExactly(150, 151, 152, 153, 154, 155);
    }

    @Test
    void unflattenedImageAndPixel() {
        Matrix img = set.image(2, false);
        assertThat(img.shape()).isEqualTo("2x3");
        assertThat(img.data[1]).containsExactly(103, 104, 105);
        assertThat(set.image(2, true).data[1][2]).isEqualTo(105 / 255.0);
        assertThat(set.pixel(4, 1, 0)).isEqualTo(203);
    }

    @Test
    void labelsOneHotAndSlices() {
        assertThat(set.labels(new int[] {0, 4, 2})).containsExactly(3, 7, 5);
        assertThat(set.labels(1, 4)).containsExactly(4, 5, 6);
        assertThat(set.label(4)).isEqualTo(7);
        Matrix t = set.oneHotLabels(new int[] {4});
        assertThat(t.shape()).isEqualTo("1x10");
        assertThat(t.data[0]).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(set.images(1, 3).data[1]).containsExactly(set.images(new int[] {2}).data[0], withPrecision(0.0));
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
        assertThat(java.util.Arrays.stream(idx).boxed().toList()).allSatisfy(i -> assertThat(i).isBetween(0, 4));
    }

    @Test
    void badIndicesAndSlicesAreReported() {
        assertThatThrownBy(() -> set.images(new int[] {0, -1})).hasMessage("images: idx[1] = -1 is outside 0..4");
        assertThatThrownBy(() -> set.images(new int[0])).hasMessage("images: no indices (a batch needs at least one image)");
        assertThatThrownBy(() -> set.images(3, 6))
                .hasMessage("images: slice 3..6 is not within 0..5 (need 0 <= from < to <= size)");
        assertThatThrownBy(() -> set.image(5, true)).hasMessage("image: index 5 is outside 0..4");
        assertThatThrownBy(() -> set.pixel(0, 2, 0)).hasMessage("pixel: (2, 0) is outside the 2x3 image");
    }
}
