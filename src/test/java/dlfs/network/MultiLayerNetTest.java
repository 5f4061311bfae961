package dlfs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.functions.Labels;
import dlfs.layers.Affine;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.optimizer.SGD;
import dlfs.testing.GradientAssertions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiLayerNetTest {
    /** Backprop against the central difference on 3 samples (book ch05/gradient_check.py), every parameter. */
    @ParameterizedTest(name = "{0}, lambda={1}")
    @CsvSource({"relu, 0", "relu, 0.1", "sigmoid, 0", "sigmoid, 0.1", "tanh, 0", "tanh, 0.1"})
    void gradientMatchesNumericalGradient(String activation, double lambda) {
        Rng rng = new Rng(5);
        // Small weights keep every y_t well above 0: the book's backward (y - t)/N ignores the δ = 1e-7 of
        // log(y + δ), which makes backprop differ from the numerical gradient by a relative δ/y_t.
        MultiLayerNet net = new MultiLayerNet(6, new int[] {5, 4}, 3, Activation.parse(activation),
                WeightInit.std(0.3), lambda, rng);
        Matrix x = rng.randn(3, 6);
        int[] t = {0, 2, 1};
        Map<String, Matrix> numeric = net.numericalGradient(x, t);
        Map<String, Matrix> grads = net.gradient(x, t);
        assertThat(grads.keySet()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        for (String key : grads.keySet()) {
            assertThat(GradientAssertions.maxRelativeError(grads.get(key), numeric.get(key)))
                    .as("%s %s lambda=%s", activation, key, lambda).isLessThan(GradientAssertions.TOLERANCE);
        }
    }

    @Test
    void paramsAreTheLayersOwnMatricesSoAnUpdateMovesTheLayer() {
        Rng rng = new Rng(1);
        MultiLayerNet net = new MultiLayerNet(4, new int[] {3}, 2, rng);
        Affine first = (Affine) net.layers.get("Affine1");
        assertThat(net.params.get("W1")).isSameAs(first.W);
        double before = first.W.data[0][0];
        Matrix x = rng.randn(5, 4);
        new SGD(0.5).update(net.params, net.gradient(x, new int[] {0, 1, 1, 0, 1}));
        assertThat(first.W.data[0][0]).isNotEqualTo(before);
    }

    /** The same weights (seed 5) with biases drawn at random, so λ applied to b would show. */
    private static MultiLayerNet withRandomBiases(double lambda) {
        MultiLayerNet net = new MultiLayerNet(6, new int[] {5, 4}, 3, Activation.RELU, WeightInit.std(0.3), lambda,
                new Rng(5));
        Rng rng = new Rng(6);
        for (int idx = 1; idx <= 3; idx++) {
            net.params.get("b" + idx).addInPlace(rng.randn(1, net.params.get("b" + idx).cols).scaleInPlace(0.3));
        }
        return net;
    }

    @Test
    void weightDecayGradientFromRandomBiasesMatchesTheNumericalGradient() {
        MultiLayerNet net = withRandomBiases(0.1);
        Matrix x = new Rng(7).randn(3, 6);
        int[] t = {0, 2, 1};
        Map<String, Matrix> numeric = net.numericalGradient(x, t);
        Map<String, Matrix> grads = net.gradient(x, t);
        for (String key : grads.keySet()) {
            assertThat(GradientAssertions.maxRelativeError(grads.get(key), numeric.get(key))).as(key)
                    .isLessThan(GradientAssertions.TOLERANCE);
        }
    }

    @Test
    void weightDecayAddsLambdaWToAFreshMatrixAndLeavesBiasesAndTheLayersDWAlone() {
        MultiLayerNet plain = withRandomBiases(0), decayed = withRandomBiases(0.1);
        Matrix x = new Rng(7).randn(3, 6);
        int[] t = {0, 2, 1};
        Map<String, Matrix> g0 = plain.gradient(x, t), g1 = decayed.gradient(x, t);
        for (int idx = 1; idx <= 3; idx++) {
            Affine affine = (Affine) decayed.layers.get("Affine" + idx);
            assertThat(g1.get("b" + idx).data).as("b%d", idx).isDeepEqualTo(g0.get("b" + idx).data);
            assertThat(affine.dW.data).as("the layer's dW%d is what backward computed", idx)
                    .isDeepEqualTo(g0.get("W" + idx).data);
            assertThat(g1.get("W" + idx)).isNotSameAs(affine.dW);
            assertThat(g1.get("W" + idx).data).as("W%d: dW + λW", idx)
                    .isDeepEqualTo(g0.get("W" + idx).copy().addScaledInPlace(0.1, affine.W).data);
        }
    }

    /** An Affine that counts its backward calls, standing in for a breakpoint in Affine.backward. */
    private static final class CountingAffine extends Affine {
        int backwardCalls;

        CountingAffine(Matrix W, Matrix b) {
            super(W, b, false);
        }

        @Override
        public Matrix backward(Matrix dout) {
            backwardCalls++;
            return super.backward(dout);
        }
    }

    @Test
    void affineBackwardIsWhatFillsDW1SoABreakpointThereStopsForTheFirstLayer() {
        MultiLayerNet net = new MultiLayerNet(4, new int[] {3}, 2, new Rng(1));
        CountingAffine affine1 = new CountingAffine(net.params.get("W1"), net.params.get("b1"));
        net.layers.put("Affine1", affine1);                  // same key: the order stays
        Map<String, Matrix> grads = net.gradient(new Rng(2).randn(5, 4), new int[] {0, 1, 1, 0, 1});
        assertThat(affine1.backwardCalls).isEqualTo(1);
        assertThat(grads.get("W1")).isSameAs(affine1.dW);
        assertThat(affine1.dW.sumOfSquares()).isPositive();
        assertThat(((Affine) net.layers.get("Affine2")).computeDx).isTrue();
    }

    @Test
    void layersCarryTheBooksNamesAndTheNetworksLabel() {
        MultiLayerNet net = new MultiLayerNet(784, new int[] {100, 100}, 10, Activation.SIGMOID, WeightInit.XAVIER, 0,
                new Rng(1));
        assertThat(net.layers.keySet()).containsExactly("Affine1", "Sigmoid1", "Affine2", "Sigmoid2", "Affine3");
        assertThat(net.layers.get("Affine2")).hasToString("Affine2 W 100x100, b 1x100; last x none");
        assertThat(net.label()).isNull();
        assertThat(net.label("Xavier")).isSameAs(net);
        assertThat(net.label()).isEqualTo("Xavier");
        net.gradient(new Rng(2).randn(128, 784), new int[128]);
        assertThat(net.layers.get("Affine2")).hasToString("Affine2 (Xavier) W 100x100, b 1x100; last x 128x100");
        assertThat(net.layers.get("Sigmoid1")).hasToString("Sigmoid1 (Xavier); last out 128x100");
        assertThat(net.lastLayer.toString()).startsWith("SoftmaxWithLoss (Xavier) loss=").endsWith("; last y 128x10");
        assertThat(net).hasToString("MultiLayerNet (Xavier) 784-100-100-10, weightDecayLambda=0.0");
        MultiLayerNet relu = new MultiLayerNet(3, new int[] {4}, 2, new Rng(1)).label("He");
        relu.predict(Matrix.of(new double[][] {{1, -2, 3}, {-1, 2, -3}}));
        assertThat(relu.layers.get("Relu1").toString()).matches("Relu1 \\(He\\); last x 2x4, \\d+\\.\\d% masked");
    }

    /** Runs body with System.err captured; returns what it printed. */
    private static String stderrOf(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDivergingNetworkWarnsOnceNamingItselfAndTheIteration() {
        Matrix x = new Rng(3).randn(20, 4);
        int[] t = new int[20];
        for (int n = 0; n < 20; n++) {
            t[n] = n % 3;
        }
        MultiLayerNet net = new MultiLayerNet(4, new int[] {8, 8}, 3, new Rng(4)).label("Huge");
        SGD sgd = new SGD(1e300);                          // so huge that the scores overflow to ∞ within a few steps
        int[] firstNonFinite = {-1};
        String warnings = stderrOf(() -> {
            for (int i = 0; i < 60; i++) {
                sgd.update(net.params, net.gradient(x, t));     // the loss of iteration i, before its update
                if (firstNonFinite[0] < 0 && !Double.isFinite(net.lastLayer.loss)) {
                    firstNonFinite[0] = i;
                }
                net.loss(x, t);                                 // after the update, as the Trainer prints it
                if (firstNonFinite[0] < 0 && !Double.isFinite(net.lastLayer.loss)) {
                    firstNonFinite[0] = i;
                }
            }
        });
        assertThat(firstNonFinite[0]).as("the run diverges").isGreaterThanOrEqualTo(0);
        assertThat(warnings).isEqualTo("warning: network Huge: loss is NaN at iteration " + firstNonFinite[0]
                + " (the training diverged; try a smaller learning rate)" + System.lineSeparator());
        String unlabelled = stderrOf(() -> {
            MultiLayerNet plain = new MultiLayerNet(4, new int[] {8}, 3, new Rng(4));
            plain.params.get("W2").set(0, 0, Double.NaN);
            plain.loss(x, t);
            plain.loss(x, t);
        });
        assertThat(unlabelled).isEqualTo("warning: network MultiLayerNet: loss is NaN before training"
                + " (the training diverged; try a smaller learning rate)" + System.lineSeparator());
    }

    @Test
    void lossAddsHalfLambdaTimesSumOfSquaredWeights() {
        Rng rng = new Rng(9);
        MultiLayerNet plain = new MultiLayerNet(3, new int[] {4}, 2, Activation.RELU, WeightInit.HE, 0.0, new Rng(9));
        MultiLayerNet decayed = new MultiLayerNet(3, new int[] {4}, 2, Activation.RELU, WeightInit.HE, 0.3, new Rng(9));
        Matrix x = rng.randn(2, 3);
        int[] t = {1, 0};
        double sumW2 = plain.params.get("W1").sumOfSquares() + plain.params.get("W2").sumOfSquares();
        assertThat(decayed.loss(x, t)).isCloseTo(plain.loss(x, t) + 0.5 * 0.3 * sumW2, within(1e-12));
    }

    @Test
    void oneHotAndIndexLabelsGiveTheSameLossAndAccuracy() {
        Rng rng = new Rng(3);
        MultiLayerNet net = new MultiLayerNet(3, new int[] {4}, 3, rng);
        Matrix x = rng.randn(4, 3);
        int[] t = {2, 0, 1, 1};
        assertThat(net.loss(x, Labels.oneHot(t, 3))).isEqualTo(net.loss(x, t));
        assertThat(net.accuracy(x, Labels.oneHot(t, 3))).isEqualTo(net.accuracy(x, t));
    }

    @Test
    void initialWeightsFollowTheChosenScale() {
        MultiLayerNet he = new MultiLayerNet(400, new int[] {300}, 10, Activation.RELU, WeightInit.HE, 0, new Rng(4));
        Matrix W1 = he.params.get("W1");
        assertThat(Math.sqrt(W1.sumOfSquares() / (400 * 300))).isCloseTo(Math.sqrt(2.0 / 400), within(0.002));
        assertThat(he.params.get("b1").sumOfSquares()).isZero();
        MultiLayerNet xavier = new MultiLayerNet(400, new int[] {300}, 10, Activation.SIGMOID, WeightInit.XAVIER, 0,
                new Rng(4));
        Matrix W2 = xavier.params.get("W2");
        assertThat(Math.sqrt(W2.sumOfSquares() / (300 * 10))).isCloseTo(Math.sqrt(1.0 / 300), within(0.002));
        MultiLayerNet zero = new MultiLayerNet(4, new int[] {3}, 2, Activation.RELU, WeightInit.ZERO, 0, new Rng(4));
        assertThat(zero.params.get("W1").sumOfSquares()).isZero();
    }

    @Test
    void badArgumentsAreRejectedWithTheirName() {
        Rng rng = new Rng(0);
        assertThatThrownBy(() -> new MultiLayerNet(0, new int[] {3}, 2, rng))
                .hasMessage("MultiLayerNet: inputSize=0 must be >= 1");
        assertThatThrownBy(() -> new MultiLayerNet(4, new int[] {3, -1}, 2, rng))
                .hasMessage("MultiLayerNet: hiddenSizeList[1]=-1 must be >= 1");
        assertThatThrownBy(() -> new MultiLayerNet(4, new int[] {}, 2, rng))
                .hasMessageContaining("hiddenSizeList is empty");
        assertThatThrownBy(() -> new MultiLayerNet(4, new int[] {3}, 2, Activation.RELU, WeightInit.HE, -1, rng))
                .hasMessageContaining("weightDecayLambda=-1.0 must be a finite number >= 0");
    }

    @Test
    void badInputsAreRejectedWithShapesIndicesAndLabels() {
        MultiLayerNet net = new MultiLayerNet(4, new int[] {3}, 2, new Rng(0));
        assertThatThrownBy(() -> net.predict(new Matrix(5, 3)))
                .hasMessage("MultiLayerNet: x is 5x3 but the network takes 4 inputs (x.cols must equal inputSize)");
        Matrix x = new Matrix(2, 4);
        x.set(1, 2, Double.NaN);
        assertThatThrownBy(() -> net.loss(x, new int[] {0, 1})).hasMessage("MultiLayerNet: x[1][2] = NaN (input must be finite)");
        assertThatThrownBy(() -> net.loss(new Matrix(2, 4), new int[] {0, 2}))
                .hasMessage("SoftmaxWithLoss: label t[1] = 2 is out of range 0..1");
        assertThatThrownBy(() -> net.loss(new Matrix(2, 4), Matrix.of(new double[][] {{1, 0}, {1, 1}})))
                .hasMessage("loss: t[1] is not one-hot (has 2 ones)");
        assertThatThrownBy(() -> WeightInit.parse("glorot")).hasMessage("'glorot' is not a weight init; give "
                + WeightInit.SPELLINGS);
        assertThatThrownBy(() -> WeightInit.parse("-1")).hasMessage("'-1' is not a weight init; give "
                + WeightInit.SPELLINGS);
        assertThatThrownBy(() -> new SGD(0)).hasMessage("SGD: lr=0.0 must be a finite number > 0");
    }

    @Test
    void weightInitParsesTheBooksSpellings() {
        assertThat(WeightInit.parse("relu")).isSameAs(WeightInit.HE);
        assertThat(WeightInit.parse("He")).isSameAs(WeightInit.HE);
        assertThat(WeightInit.parse("sigmoid")).isSameAs(WeightInit.XAVIER);
        assertThat(WeightInit.parse("0.01").scale(100)).isEqualTo(0.01);
        assertThat(WeightInit.parse("0.0")).isSameAs(WeightInit.ZERO);
        assertThat(WeightInit.parse("0.01").toString()).isEqualTo("std=0.01");
        assertThat(WeightInit.std(1).toString()).isEqualTo("std=1");
        assertThat(WeightInit.HE.scale(50)).isEqualTo(0.2);
        assertThat(WeightInit.parse("std=0.01")).isEqualTo(WeightInit.std(0.01));
        assertThat(WeightInit.parse("1e300")).hasToString("std=1e+300");     // not a long's overflow
        assertThat(WeightInit.XAVIER.scale(4)).isEqualTo(0.5);
        assertThat(WeightInit.ZERO.scale(4)).isZero();
    }

    /** A real learning test: three Gaussian blobs in 2-D, a seeded 2-[10]-3 net, plain SGD. */
    @Test
    void sgdDrivesTheLossWellDownOnASyntheticProblem() {
        Rng rng = new Rng(42);
        int n = 150;
        Matrix x = new Matrix(n, 2);
        int[] t = new int[n];
        double[][] centres = {{2, 0}, {-1, 1.7}, {-1, -1.7}};
        for (int i = 0; i < n; i++) {
            t[i] = i % 3;
            x.data[i][0] = centres[t[i]][0] + 0.5 * rng.randn();
            x.data[i][1] = centres[t[i]][1] + 0.5 * rng.randn();
        }
        MultiLayerNet net = new MultiLayerNet(2, new int[] {10}, 3, rng);
        SGD sgd = new SGD(0.1);
        double first = net.loss(x, t);
        for (int iter = 0; iter < 300; iter++) {
            sgd.update(net.params, net.gradient(x, t));
        }
        assertThat(first).isGreaterThan(0.5);
        assertThat(net.loss(x, t)).isLessThan(0.1);
        assertThat(net.accuracy(x, t)).isGreaterThan(0.97);
    }
}
