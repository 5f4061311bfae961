package dlfs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import org.junit.jupiter.api.Test;

/** im2col and col2im (book §7.4.2-7.4.3): shapes as the book's, values by hand, and col2im as im2col's transpose. */
class Im2colTest {
    private final Rng rng = new Rng(7);

    private Tensor4 rand(int N, int C, int H, int W) {
        return Tensor4.of(rng.rand(N, C * H * W), C, H, W);
    }

    @Test
    void theBooksShapes() {
        // x1 = np.random.rand(1, 3, 7, 7); col1 = im2col(x1, 5, 5, stride=1, pad=0); print(col1.shape)  # (9, 75)
        assertThat(Im2col.im2col(rand(1, 3, 7, 7), 5, 5, 1, 0).shape()).isEqualTo("9x75");
        // x2 = np.random.rand(10, 3, 7, 7); col2 = im2col(x2, 5, 5, stride=1, pad=0)  # (90, 75)
        assertThat(Im2col.im2col(rand(10, 3, 7, 7), 5, 5, 1, 0).shape()).isEqualTo("90x75");
        // SimpleConvNet: (100, 1, 28, 28) with 5x5 filters; Pool1: (100, 30, 24, 24) with 2x2, stride 2
        assertThat(Im2col.im2col(rand(100, 1, 28, 28), 5, 5, 1, 0).shape()).isEqualTo("57600x25");
        assertThat(Im2col.im2col(rand(2, 30, 24, 24), 2, 2, 2, 0).shape()).isEqualTo("288x120");
        // eq. (7.1): (4 + 2·1 − 3) / 1 + 1 = 4, (7 + 2·0 − 3) / 2 + 1 = 3
        assertThat(Im2col.outputSize(4, 3, 1, 1)).isEqualTo(4);
        assertThat(Im2col.outputSize(7, 3, 2, 0)).isEqualTo(3);
    }

    @Test
    void eachRowIsOneWindowChannelByChannelWithZerosInThePadding() {
        // one image, 2 channels of 3x3: channel 0 holds 1..9, channel 1 holds 10..90
        Tensor4 x = new Tensor4(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90}}, 2, 3, 3);
        Matrix col = Im2col.im2col(x, 2, 2, 1, 0);                      // 2x2 windows: out 2x2, rows of 2·2·2
        assertThat(col.data).isDeepEqualTo(new double[][] {
            {1, 2, 4, 5, 10, 20, 40, 50}, {2, 3, 5, 6, 20, 30, 50, 60},
            {4, 5, 7, 8, 40, 50, 70, 80}, {5, 6, 8, 9, 50, 60, 80, 90}});
        Matrix padded = Im2col.im2col(x, 2, 2, 2, 1);                   // pad 1, stride 2: out (3+2−2)/2+1 = 2
        assertThat(padded.data[0]).containsExactly(0, 0, 0, 1, 0, 0, 0, 10);
        assertThat(padded.data[3]).containsExactly(5, 6, 8, 9, 50, 60, 80, 90);
    }

    @Test
    void col2imAddsWhereWindowsOverlap() {
        // a 3x3 filter, stride 1, over a 4x4 image: col2im of all ones counts the windows that cover each pixel
        Matrix ones = new Matrix(4, 9);
        ones.fill(1);
        Tensor4 count = Im2col.col2im(ones, new int[] {1, 1, 4, 4}, 3, 3, 1, 0);
        assertThat(count.data[0]).containsExactly(1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1);
    }

    @Test
    void col2imIsTheTransposeOfIm2col() {
        // ⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩: the reason col2im adds (+=) where im2col copies
        int[][] cases = {{2, 3, 7, 7, 5, 5, 1, 0}, {1, 2, 6, 5, 3, 2, 2, 1}, {3, 1, 5, 5, 2, 2, 2, 0},
            {2, 2, 4, 6, 3, 3, 1, 2}, {1, 1, 8, 8, 3, 3, 3, 1}};
        for (int[] c : cases) {
            Tensor4 x = Tensor4.of(rng.randn(c[0], c[1] * c[2] * c[3]), c[1], c[2], c[3]);
            Matrix col = Im2col.im2col(x, c[4], c[5], c[6], c[7]);
            Matrix y = rng.randn(col.rows, col.cols);
            Tensor4 back = Im2col.col2im(y, x.dims(), c[4], c[5], c[6], c[7]);
            assertThat(back.shape()).isEqualTo(x.shape());
            double left = dot(col.flatten(), y.flatten()), right = dot(x.matrix().flatten(), back.matrix().flatten());
            assertThat(left).as("case %s", java.util.Arrays.toString(c)).isCloseTo(right, within(1e-12 * Math.abs(left)));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void wrongShapesAreNamed() {
        assertThatThrownBy(() -> Im2col.col2im(new Matrix(5, 9), new int[] {1, 1, 4, 4}, 3, 3, 1, 0))
                .hasMessage("col2im: col is 5x9 but input 1x1x4x4 with a 3x3 filter, stride 1, pad 0 needs 4x9");
        assertThatThrownBy(() -> Im2col.im2col(rand(1, 1, 3, 3), 5, 5, 1, 0))
                .hasMessageContaining("input 3, filter 5, stride 1, pad 0");
    }
}
