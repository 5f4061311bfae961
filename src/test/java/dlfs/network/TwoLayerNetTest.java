package dlfs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.layers.Affine;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.GradientAssertions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ch05/two_layer_net.py: the book's keys and order, its initial weights, backprop against the numerical gradient. */
class TwoLayerNetTest {
    @Test
    void gradientMatchesNumericalGradientOnThreeSamples() {
        Rng rng = new Rng(3);
        TwoLayerNet net = new TwoLayerNet(7, 5, 4, 0.5, rng);   // larger weights than 0.01, so ReLU masks some
        Matrix x = rng.randn(3, 7);
        int[] t = {2, 0, 3};
        Map<String, Matrix> numerical = net.numericalGradient(x, t);
        Map<String, Matrix> backprop = net.gradient(x, t);
        assertThat(backprop.keySet()).containsExactly("W1", "b1", "W2", "b2");
        assertThat(numerical.keySet()).containsExactly("W1", "b1", "W2", "b2");
        for (String key : backprop.keySet()) {
            assertThat(GradientAssertions.maxRelativeError(backprop.get(key), numerical.get(key))).as(key)
                    .isLessThan(GradientAssertions.TOLERANCE);
        }
        assertThat(net.layers.get("Relu1").toString()).as("the check crosses masked units")
                .matches("Relu1; last x 3x5, (?!0\\.0%)\\d+\\.\\d% masked");
    }

    @Test
    void layersAndParamsHaveTheBooksKeysAndShareTheMatrices() {
        TwoLayerNet net = new TwoLayerNet(6, 4, 3, new Rng(0));
        assertThat(net.params.keySet()).containsExactly("W1", "b1", "W2", "b2");
        assertThat(net.layers.keySet()).containsExactly("Affine1", "Relu1", "Affine2");
        Affine affine2 = (Affine) net.layers.get("Affine2");
        assertThat(net.params.get("W2")).isSameAs(affine2.W);
        assertThat(net.params.get("b2")).isSameAs(affine2.b);
        Matrix x = new Rng(1).randn(2, 6);
        int[] t = {0, 2};
        double before = net.loss(x, t);
        Map<String, Matrix> grad = net.gradient(x, t);
        for (String key : new String[] {"W1", "b1", "W2", "b2"}) {
            net.params.get(key).addScaledInPlace(-0.5, grad.get(key));   // params[key] -= lr * grad[key]
        }
        assertThat(net.loss(x, t)).as("the layers use the updated params").isLessThan(before);
    }

    /** W = 0.01 · randn(n, m), W1 then W2, as the book's __init__: numpy's values after np.random.seed(0). */
    @Test
    void initialWeightsAreTheBooksScaledGaussiansAndBiasesAreZero() {
        TwoLayerNet net = new TwoLayerNet(3, 2, 2, new Rng(0));
        assertThat(net.params.get("W1").data[0]).containsExactly(0.017640523459676642, 0.004001572083672233);
        assertThat(net.params.get("W2").data[0]).containsExactly(0.009500884175255894, -0.001513572082976979);
        assertThat(net.params.get("b1").data[0]).containsExactly(0, 0);
        assertThat(net.params.get("b2").data[0]).containsExactly(0, 0);
    }

    @Test
    void theDebuggerSeesSizesAndTheLastLoss() {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Rng(0));
        assertThat(net).hasToString("TwoLayerNet 784-50-10, weightInitStd=0.01; lastLayer; no forward yet");
        net.loss(new Matrix(3, 784), new int[] {0, 1, 2});
        assertThat(net.toString()).startsWith("TwoLayerNet 784-50-10, weightInitStd=0.01; lastLayer loss=2.302")
                .endsWith("; last y 3x10");
    }

    @Test
    void badSizesAndInputsSayWhatIsWrong() {
        assertThatThrownBy(() -> new TwoLayerNet(784, 0, 10, new Rng(0)))
                .hasMessage("TwoLayerNet: hiddenSize=0 must be >= 1");
        TwoLayerNet net = new TwoLayerNet(4, 3, 2, new Rng(0));
        assertThatThrownBy(() -> net.loss(new Matrix(2, 5), new int[] {0, 1}))
                .hasMessage("TwoLayerNet.predict: x is 2x5 but the network takes 4 inputs"
                        + " (x.cols must equal inputSize)");
        assertThatThrownBy(() -> net.accuracy(new Matrix(2, 4), new int[] {0, 2}))
                .hasMessageContaining("label t[1] = 2 is out of range 0..1");
    }
}
