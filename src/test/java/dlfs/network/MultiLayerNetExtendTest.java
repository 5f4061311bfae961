package dlfs.network;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.layers.BatchNormalization;
import dlfs.layers.Dropout;
import dlfs.layers.Layer;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.GradientCheck;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MultiLayerNetExtendTest {
    /** Batch norm on, dropout off, with and without weight decay (book ch06/batch_norm_gradient_check.py). */
    @ParameterizedTest(name = "{0}, lambda={1}")
    @CsvSource({"relu, 0", "relu, 0.1", "tanh, 0.1"})
    void gradientWithBatchNormMatchesNumericalGradient(String activation, double lambda) {
        Rng rng = new Rng(17);
        MultiLayerNetExtend net = new MultiLayerNetExtend(6, new int[] {5, 4}, 3, Activation.parse(activation),
                WeightInit.std(0.3), lambda, false, 0.5, true, rng);
        Matrix x = rng.randn(4, 6);
        int[] t = {0, 2, 1, 2};
        Map<String, Matrix> numeric = net.numericalGradient(x, t);
        Map<String, Matrix> grads = net.gradient(x, t);
        assertThat(grads.keySet()).containsExactly("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2",
                "W3", "b3");
        assertThat(net.params.keySet()).containsExactlyElementsOf(grads.keySet());
        for (String key : grads.keySet()) {
            assertThat(GradientCheck.maxRelativeError(grads.get(key), numeric.get(key)))
                    .as("%s %s lambda=%s", activation, key, lambda).isLessThan(GradientCheck.TOLERANCE);
        }
    }

    @Test
    void layersComeInTheBooksOrder() {
        MultiLayerNetExtend net = new MultiLayerNetExtend(3, new int[] {4, 4}, 2, Activation.RELU, WeightInit.HE,
                0, true, 0.5, true, new Rng(1));
        StringBuilder names = new StringBuilder();
        for (Layer layer : net.layers()) {
            names.append(layer.getClass().getSimpleName()).append(' ');
        }
        assertThat(names.toString().trim()).isEqualTo(
                "Affine BatchNormalization Relu Dropout Affine BatchNormalization Relu Dropout Affine");
        assertThat(net.params.get("gamma1").sum()).isEqualTo(4.0);
        assertThat(net.params.get("gamma1")).isSameAs(((BatchNormalization) net.layers().get(1)).gamma);
    }

    @Test
    void trainFlagReachesDropoutAndBatchNorm() {
        Rng rng = new Rng(2);
        MultiLayerNetExtend net = new MultiLayerNetExtend(5, new int[] {8}, 3, Activation.RELU, WeightInit.HE,
                0, true, 0.5, true, rng);
        Matrix x = rng.randn(6, 5);
        Matrix test1 = net.predict(x, false), test2 = net.predict(x, false);
        assertThat(test1.data).as("test mode is deterministic").isDeepEqualTo(test2.data);
        Matrix train1 = net.predict(x, true), train2 = net.predict(x, true);
        assertThat(train1.data).as("training mode draws a new dropout mask").isNotEqualTo(train2.data);
        assertThat(net.layers().get(3)).isInstanceOf(Dropout.class);
    }

    @Test
    void trainFlagReachesBatchNorm() {
        Rng rng = new Rng(3);
        MultiLayerNetExtend net = new MultiLayerNetExtend(5, new int[] {8}, 3, Activation.RELU, WeightInit.HE,
                0, false, 0.5, true, rng);
        BatchNormalization bn = (BatchNormalization) net.layers().get(1);
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
