package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import dlfs.testing.GradientAssertions;
import org.junit.jupiter.api.Test;

/** Convolution (book §7.2, §7.4.3): the definition of a convolution, its shapes, and backward against numbers. */
class ConvolutionTest {
    private final Rng rng = new Rng(11);

    private Tensor4 randn(int N, int C, int H, int W) {
        return Tensor4.of(rng.randn(N, C * H * W), C, H, W);
    }

    /** L = Σ forward(x) ⊙ r. */
    private static double weightedSum(Convolution conv, Tensor4 x, Tensor4 r) {
        Tensor4 out = conv.forward(x);
        double L = 0;
        for (int n = 0; n < out.N; n++) {
            for (int i = 0; i < out.data[n].length; i++) {
                L += out.data[n][i] * r.data[n][i];
            }
        }
        return L;
    }

    @Test
    void outIsTheSumOverEveryChannelOfFilterTimesWindowPlusBias() {
        Tensor4 x = randn(2, 3, 6, 5), W = randn(4, 3, 3, 2);
        Matrix b = rng.randn(1, 4);
        int stride = 2, pad = 1;
        Tensor4 out = new Convolution(W, b, stride, pad).forward(x);
        assertThat(out.shape()).isEqualTo("2x4x3x3");                   // (6+2−3)/2+1 = 3, (5+2−2)/2+1 = 3
        for (int n = 0; n < 2; n++) {
            for (int f = 0; f < 4; f++) {
                for (int oh = 0; oh < out.H; oh++) {
                    for (int ow = 0; ow < out.W; ow++) {
                        double sum = b.data[0][f];
                        for (int c = 0; c < 3; c++) {
                            for (int fh = 0; fh < 3; fh++) {
                                for (int fw = 0; fw < 2; fw++) {
                                    int h = oh * stride + fh - pad, w = ow * stride + fw - pad;
                                    if (h >= 0 && h < x.H && w >= 0 && w < x.W) {
                                        sum += W.get(f, c, fh, fw) * x.get(n, c, h, w);
                                    }
                                }
                            }
                        }
                        assertThat(out.get(n, f, oh, ow)).isCloseTo(sum, within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void theBooksExampleOfFigure7dash3() {
        // figure 7-3: a 4x4 input and a 3x3 filter give [[15, 16], [6, 15]]
        Tensor4 x = new Tensor4(new double[][] {{1, 2, 3, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1}}, 1, 4, 4);
        Tensor4 W = new Tensor4(new double[][] {{2, 0, 1, 0, 1, 2, 1, 0, 2}}, 1, 3, 3);
        assertThat(new Convolution(W, new Matrix(1, 1)).forward(x).data[0]).containsExactly(15, 16, 6, 15);
    }

    @Test
    void gradientsOfXWAndBWithTheDefaultsAndWithStrideAndPad() {
        int[][] cases = {{2, 1, 6, 6, 3, 3, 3, 1, 0}, {2, 2, 7, 6, 2, 3, 2, 2, 1}, {1, 3, 5, 5, 4, 2, 2, 1, 2}};
        for (int[] c : cases) {
            Tensor4 x = randn(c[0], c[1], c[2], c[3]), W = randn(c[4], c[1], c[5], c[6]);
            Matrix b = rng.randn(1, c[4]);
            Convolution conv = new Convolution(W, b, c[7], c[8]);
            Tensor4 out = conv.forward(x);
            Tensor4 r = randn(out.N, out.C, out.H, out.W);
            Tensor4 dx = conv.backward(r);
            String what = "case " + java.util.Arrays.toString(c);
            GradientAssertions.check(what + " dx", dx.matrix(), () -> weightedSum(conv, x, r), x.matrix());
            GradientAssertions.check(what + " dW", conv.dW.copy().matrix(), () -> weightedSum(conv, x, r), W.matrix());
            GradientAssertions.check(what + " db", conv.db.copy(), () -> weightedSum(conv, x, r), b);
        }
    }

    @Test
    void theFirstLayerSkipsDxButNotItsParameterGradients() {
        Tensor4 x = randn(2, 1, 5, 5), W = randn(2, 1, 3, 3);
        Matrix b = new Matrix(1, 2);
        Convolution conv = new Convolution(W, b, 1, 0);
        Tensor4 r = randn(2, 2, 3, 3);
        conv.forward(x);
        assertThat(conv.backward(r)).isNotNull();
        Convolution first = new Convolution(W, b, 1, 0, false);
        first.forward(x);
        assertThat(first.backward(r)).isNull();
        assertThat(first.dW.data).isDeepEqualTo(conv.dW.data);
        assertThat(first.db.data).isDeepEqualTo(conv.db.data);
        assertThat(first.toString()).endsWith("; no dx (first layer)");
    }

    @Test
    void backwardLeavesDoutAloneAndTheOptimizersUpdateOfW1ReachesTheLayer() {
        Tensor4 x = randn(1, 1, 4, 4), W = randn(1, 1, 2, 2);
        Convolution conv = new Convolution(W, new Matrix(1, 1));
        Tensor4 out = conv.forward(x);
        Tensor4 dout = randn(out.N, out.C, out.H, out.W), before = dout.copy();
        conv.backward(dout);
        assertThat(dout.data).isDeepEqualTo(before.data);
        W.matrix().data[0][0] += 1;                                     // as params["W1"] -= …
        assertThat(conv.forward(x).data[0][0]).isCloseTo(out.data[0][0] + x.data[0][0], within(1e-12));
    }

    @Test
    void shapesThatDoNotFitAreNamed() {
        Convolution conv = new Convolution(randn(2, 3, 3, 3), new Matrix(1, 2));
        conv.name("Conv1");
        assertThatThrownBy(() -> conv.forward(randn(1, 1, 5, 5)))
                .hasMessage("Conv1.forward: x is 1x1x5x5 but W is 2x3x3x3 (x must have 3 channels, one per channel of"
                        + " the filters)");
        assertThatThrownBy(() -> new Convolution(randn(2, 3, 3, 3), new Matrix(1, 3)))
                .hasMessageContaining("b must be 1x2");
        assertThatThrownBy(() -> conv.backward(randn(1, 2, 3, 3))).hasMessage("Conv1.backward: call forward first");
    }
}
