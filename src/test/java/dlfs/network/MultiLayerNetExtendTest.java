package dlfs.network;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.layers.BatchNormalization;
import dlfs.layers.Dropout;
import dlfs.layers.Layer;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.GradientAssertions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiLayerNetExtendTest {
    /**
     * Batch norm on, dropout off, with and without weight decay (book ch06/batch_norm_gradient_check.py), from
     * random biases, γ and β, so a gradient term added where it does not belong cannot hide behind a zero.
     */
    @ParameterizedTest(name = "{0}, lambda={1}")
    @CsvSource({"relu, 0", "relu, 0.1", "tanh, 0.1"})
    void gradientWithBatchNormMatchesNumericalGradient(String activation, double lambda) {
        Rng rng = new Rng(17);
        MultiLayerNetExtend net = new MultiLayerNetExtend(6, new int[] {5, 4}, 3, Activation.parse(activation),
                WeightInit.std(0.3), lambda, false, 0.5, true, rng);
        for (Map.Entry<String, Matrix> e : net.params.entrySet()) {
            if (!e.getKey().startsWith("W")) {
                e.getValue().addInPlace(rng.randn(1, e.getValue().cols).scaleInPlace(0.3));
            }
        }
        Matrix x = rng.randn(4, 6);
        int[] t = {0, 2, 1, 2};
        Map<String, Matrix> numeric = net.numericalGradient(x, t);
        Map<String, Matrix> grads = net.gradient(x, t);
        assertThat(grads.keySet()).containsExactly("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2",
                "W3", "b3");
        assertThat(numeric.keySet()).containsExactlyElementsOf(grads.keySet());
        for (String key : grads.keySet()) {
            assertThat(GradientAssertions.maxRelativeError(grads.get(key), numeric.get(key)))
                    .as("%s %s lambda=%s", activation, key, lambda).isLessThan(GradientAssertions.TOLERANCE);
        }
    }

    @Test
    void layersComeInTheBooksOrderUnderTheBooksKeys() {
        MultiLayerNetExtend net = new MultiLayerNetExtend(3, new int[] {4, 4}, 2, Activation.RELU, WeightInit.HE,
                0, true, 0.5, true, new Rng(1));
        assertThat(net.layers.keySet()).containsExactly("Affine1", "BatchNorm1", "Relu1", "Dropout1", "Affine2",
                "BatchNorm2", "Relu2", "Dropout2", "Affine3");
        assertThat(net.params.keySet()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3", "gamma1", "beta1",
                "gamma2", "beta2");
        assertThat(net.params.get("gamma1").data[0]).containsOnly(1.0);
        assertThat(net.params.get("gamma1")).isSameAs(((BatchNormalization) net.layers.get("BatchNorm1")).gamma);
        for (Map.Entry<String, Layer> e : net.layers.entrySet()) {
            assertThat(e.getValue().name()).isEqualTo(e.getKey());
        }
    }

    @Test
    void everyDropoutLayerGetsTheGivenRatio() {
        MultiLayerNetExtend net = new MultiLayerNetExtend(3, new int[] {4, 4, 4}, 2, Activation.RELU,
                WeightInit.HE, 0, true, 0.15, false, new Rng(1));
        for (int idx = 1; idx <= 3; idx++) {
            assertThat(((Dropout) net.layers.get("Dropout" + idx)).dropoutRatio).as("Dropout%d", idx).isEqualTo(0.15);
        }
        assertThat(net.label("ratio").layers.get("Dropout2")).hasToString("Dropout2 (ratio) ratio 0.15; last mask none");
    }

    @Test
    void trainFlagReachesDropout() {
        Rng rng = new Rng(2);
        MultiLayerNetExtend net = new MultiLayerNetExtend(5, new int[] {8}, 3, Activation.RELU, WeightInit.HE,
                0, true, 0.5, false, rng);
        Matrix x = rng.randn(6, 5);
        Matrix test1 = net.predict(x, false), test2 = net.predict(x, false);
        assertThat(test1.data).as("test mode is deterministic").isDeepEqualTo(test2.data);
        Matrix train1 = net.predict(x, true), train2 = net.predict(x, true);
        assertThat(train1.data).as("training mode draws a new dropout mask").isNotEqualTo(train2.data);
    }

    @Test
    void trainFlagReachesBatchNorm() {
        Rng rng = new Rng(3);
        MultiLayerNetExtend net = new MultiLayerNetExtend(5, new int[] {8}, 3, Activation.RELU, WeightInit.HE,
                0, false, 0.5, true, rng);
        BatchNormalization bn = (BatchNormalization) net.layers.get("BatchNorm1");
        Matrix x = rng.randn(6, 5);
        Matrix testBefore = net.predict(x, false);
        assertThat(bn.runningMean.sumOfSquares()).as("test mode leaves the running mean alone").isZero();
        Matrix train = net.predict(x, true);
        assertThat(bn.runningMean.sumOfSquares()).as("training mode updates the running mean").isPositive();
        assertThat(train.data).as("batch statistics differ from the (zero) running ones").isNotEqualTo(testBefore.data);
        Matrix testAfter = net.predict(x, false);
        assertThat(testAfter.data).as("test mode now uses the updated running statistics").isNotEqualTo(testBefore.data);
    }

    @Test
    void withoutExtrasItComputesWhatMultiLayerNetComputes() {
        MultiLayerNet plain = new MultiLayerNet(4, new int[] {5, 3}, 2, Activation.RELU, WeightInit.HE, 0.1, new Rng(8));
        MultiLayerNetExtend extend = new MultiLayerNetExtend(4, new int[] {5, 3}, 2, Activation.RELU, WeightInit.HE,
                0.1, false, 0.5, false, new Rng(8));
        Matrix x = new Rng(9).randn(3, 4);
        int[] t = {1, 0, 1};
        assertThat(extend.loss(x, t)).isEqualTo(plain.loss(x, t));
        assertThat(extend.gradient(x, t).get("W1").data).isDeepEqualTo(plain.gradient(x, t).get("W1").data);
    }
}
