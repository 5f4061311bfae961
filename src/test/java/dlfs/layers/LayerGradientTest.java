package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.functions.Labels;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.GradientAssertions;
import org.junit.jupiter.api.Test;

/** Every layer's backward against the numerical gradient of L = Σ out ⊙ r (book §5.7.3). */
class LayerGradientTest {
    private final Rng rng = new Rng(2024);

    @Test
    void affineGradientsForXWAndB() {
        Matrix W = rng.randn(4, 3), b = rng.randn(1, 3), x = rng.randn(5, 4);
        Affine affine = new Affine(W, b);
        Matrix out = affine.forward(x);
        Matrix r = rng.randn(out.rows, out.cols);
        Matrix dx = affine.backward(r);
        GradientAssertions.check("Affine dx", dx, () -> GradientAssertions.weightedSum(affine, x, r), x);
        affine.forward(x);
        affine.backward(r);
        GradientAssertions.check("Affine dW", affine.dW.copy(), () -> GradientAssertions.weightedSum(affine, x, r), W);
        GradientAssertions.check("Affine db", affine.db.copy(), () -> GradientAssertions.weightedSum(affine, x, r), b);
    }

    @Test
    void affineBiasGradientSumsOverTheBatchNotTheFeatures() {
        Affine affine = new Affine(new Matrix(2, 3), new Matrix(1, 3));
        affine.forward(new Matrix(2, 2));
        affine.backward(Matrix.of(new double[][] {{1, 2, 3}, {10, 20, 30}}));
        assertThat(affine.db.data[0]).containsExactly(11, 22, 33);
    }

    @Test
    void reluGradientAwayFromTheKink() {
        GradientAssertions.checkInput(new Relu(), GradientAssertions.awayFromZero(rng, 6, 7, 1e-2), rng);
    }

    @Test
    void reluMasksExactlyWhereXIsAtMostZeroAsTheBook() {
        Relu relu = new Relu();
        double inf = Double.POSITIVE_INFINITY, tiny = Double.MIN_VALUE;
        Matrix out = relu.forward(Matrix.of(new double[][] {{-1, -0.0, 0, 2, Double.NaN, inf, -inf, tiny, -tiny}}));
        assertThat(out.data[0]).containsExactly(0, 0, 0, 2, Double.NaN, inf, 0, tiny, 0);
        Matrix dx = relu.backward(Matrix.of(new double[][] {{5, 5, 5, 5, 5, 5, 5, 5, 5}}));
        assertThat(dx.data[0]).containsExactly(0, 0, 0, 5, 5, 5, 0, 5, 0);   // mask = (x <= 0): NaN <= 0 is false
    }

    @Test
    void reluBackwardKeepsEveryBitOfDoutWhereXIsPositiveAndGivesPlusZeroWhereMasked() {
        double nan = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);   // a NaN with a payload
        Relu relu = new Relu();
        relu.forward(Matrix.of(new double[][] {{1, 1, 1, 1, -1, -1, -1, 0}}));
        Matrix dx = relu.backward(Matrix.of(new double[][] {{-0.0, nan, -3, Double.NEGATIVE_INFINITY, -0.0, nan, -3, 5}}));
        long[] bits = new long[8];
        for (int j = 0; j < 8; j++) {
            bits[j] = Double.doubleToRawLongBits(dx.data[0][j]);
        }
        assertThat(bits).containsExactly(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(nan),
                Double.doubleToRawLongBits(-3), Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), 0, 0, 0, 0);
    }

    @Test
    void sigmoidGradient() {
        GradientAssertions.checkInput(new Sigmoid(), rng.randn(6, 7).scaleInPlace(2), rng);
    }

    @Test
    void tanhGradient() {
        GradientAssertions.checkInput(new Tanh(), rng.randn(6, 7).scaleInPlace(2), rng);
    }

    @Test
    void softmaxWithLossGradientWithIndexAndOneHotLabels() {
        // The book's backward (y - t)/N ignores the δ = 1e-7 inside log(y + δ); the gap is about δ/(y_t·N).
        // Raising the correct class's score keeps y_t above 0.1, so the gap stays far below the tolerance.
        Matrix x = rng.randn(4, 5);
        int[] t = {0, 4, 2, 2};
        for (int n = 0; n < t.length; n++) {
            x.data[n][t[n]] += 2;
        }
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        layer.forward(x, t);
        GradientAssertions.check("SoftmaxWithLoss dx (indices)", layer.backward(), () -> layer.forward(x, t), x);

        Matrix tOneHot = Labels.oneHot(t, 5);
        double lossIndex = layer.forward(x, t);
        assertThat(layer.forward(x, tOneHot)).isEqualTo(lossIndex);
        GradientAssertions.check("SoftmaxWithLoss dx (one-hot)", layer.backward(), () -> layer.forward(x, tOneHot), x);
    }

    @Test
    void softmaxWithLossBackwardIsYMinusTOverN() {
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        layer.forward(new Matrix(2, 2), new int[] {0, 1});   // y = 0.5 everywhere
        assertThat(layer.backward().data).isDeepEqualTo(new double[][] {{-0.25, 0.25}, {0.25, -0.25}});
    }

    @Test
    void backwardNeverChangesDout() {
        Matrix x = GradientAssertions.awayFromZero(rng, 3, 4, 1e-2), gamma = new Matrix(1, 4);
        gamma.fill(1);
        Layer[] layers = {new Relu(), new Sigmoid(), new Tanh(), new Affine(rng.randn(4, 4), new Matrix(1, 4)),
                new BatchNormalization(gamma, new Matrix(1, 4)), new Dropout(0.5, rng)};
        for (Layer layer : layers) {
            layer.forward(x);
            Matrix dout = rng.randn(3, 4);
            Matrix before = dout.copy();
            layer.backward(dout);
            assertThat(dout.data).as(layer.getClass().getSimpleName()).isDeepEqualTo(before.data);
        }
    }
}
