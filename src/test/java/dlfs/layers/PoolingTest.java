package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import dlfs.testing.GradientAssertions;
import org.junit.jupiter.api.Test;

/** Max pooling (book §7.3, §7.4.4): the book's example, numpy's tie rule, and backward against numbers. */
class PoolingTest {
    private final Rng rng = new Rng(5);

    @Test
    void theBooksExampleOfFigure7dash14() {
        Tensor4 x = new Tensor4(new double[][] {{1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1}}, 1, 4, 4);
        Pooling pool = new Pooling(2, 2);                               // stride 2, the book's default
        assertThat(pool.forward(x).data[0]).containsExactly(2, 3, 4, 2);
        Tensor4 dx = pool.backward(new Tensor4(new double[][] {{10, 20, 30, 40}}, 1, 2, 2));
        assertThat(dx.data[0]).containsExactly(0, 10, 0, 0, 0, 0, 0, 20, 0, 0, 0, 40, 0, 30, 0, 0);
    }

    @Test
    void eachChannelIsPooledOnItsOwnAndATieGoesToTheFirstAsNumpysArgmax() {
        Tensor4 x = new Tensor4(new double[][] {{5, 5, 5, 5, -1, -2, -3, -4}}, 2, 2, 2);
        Pooling pool = new Pooling(2, 2);
        Tensor4 out = pool.forward(x);
        assertThat(out.shape()).isEqualTo("1x2x1x1");
        assertThat(out.data[0]).containsExactly(5, -1);
        assertThat(pool.backward(new Tensor4(new double[][] {{1, 2}}, 2, 1, 1)).data[0])
                .containsExactly(1, 0, 0, 0, 2, 0, 0, 0);
    }

    @Test
    void numpysRulesHoldForTiesAndNaNInTheBooks2x2WindowsAndInOthers() {
        double nan = Double.NaN;
        // 2x2: ties go to the first; a NaN is the max wherever it is, the first of two NaN wins
        Tensor4 x = new Tensor4(new double[][] {{1, 3, 9, nan, 3, 0, nan, 2}}, 1, 2, 4);
        Pooling pool = new Pooling(2, 2);
        assertThat(pool.forward(x).data[0]).containsExactly(3, nan);
        assertThat(pool.backward(new Tensor4(new double[][] {{5, 7}}, 1, 1, 2)).data[0])
                .containsExactly(0, 5, 0, 7, 0, 0, 0, 0);
        // 3x1 windows, stride 1: the same rules through the general loop
        Tensor4 y = new Tensor4(new double[][] {{2, 2, nan, 1, nan}}, 1, 5, 1);
        Pooling column = new Pooling(3, 1, 1, 0);
        assertThat(column.forward(y).data[0]).containsExactly(nan, nan, nan);
        assertThat(column.backward(new Tensor4(new double[][] {{1, 10, 100}}, 1, 3, 1)).data[0])
                .containsExactly(0, 0, 111, 0, 0);
    }

    @Test
    void overlappingWindowsAddTheirGradients() {
        // stride 1: the 9 is the maximum of all four 2x2 windows of this 3x3 image, so it gets all four gradients
        Tensor4 x = new Tensor4(new double[][] {{1, 2, 3, 4, 9, 5, 6, 7, 8}}, 1, 3, 3);
        Pooling pool = new Pooling(2, 2, 1, 0);
        assertThat(pool.forward(x).data[0]).containsExactly(9, 9, 9, 9);
        assertThat(pool.backward(new Tensor4(new double[][] {{1, 2, 3, 4}}, 1, 2, 2)).data[0])
                .containsExactly(0, 0, 0, 0, 10, 0, 0, 0, 0);
    }

    @Test
    void gradientOfXWithTheDefaultsAndWithOtherStridesAndPads() {
        int[][] cases = {{2, 3, 6, 6, 2, 2, 2, 0}, {2, 2, 5, 6, 3, 2, 1, 0}, {1, 2, 5, 5, 2, 3, 2, 1}, {2, 1, 7, 7, 3, 3, 2, 1}};
        for (int[] c : cases) {
            // distinct values at least 0.05 apart, all > 0 (the padding's zeros never win): the max of each window
            // stays where it is when one value moves by h
            int size = c[1] * c[2] * c[3];
            int[] order = rng.permutation(c[0] * size);
            Tensor4 x = new Tensor4(c[0], c[1], c[2], c[3]);
            for (int i = 0; i < order.length; i++) {
                x.data[i / size][i % size] = 1 + 0.05 * order[i];
            }
            Pooling pool = new Pooling(c[4], c[5], c[6], c[7]);
            Tensor4 out = pool.forward(x);
            Tensor4 r = Tensor4.of(rng.randn(out.N, out.C * out.H * out.W), out.C, out.H, out.W);
            Tensor4 dx = pool.backward(r);
            GradientAssertions.check("case " + java.util.Arrays.toString(c), dx.matrix(), () -> {
                Tensor4 o = pool.forward(x);
                double L = 0;
                for (int n = 0; n < o.N; n++) {
                    for (int i = 0; i < o.data[n].length; i++) {
                        L += o.data[n][i] * r.data[n][i];
                    }
                }
                return L;
            }, x.matrix());
        }
    }
}
