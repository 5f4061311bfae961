package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import org.junit.jupiter.api.Test;

/** What the debugger shows of a layer: its name, the network's label and its shapes. */
class LayerNamesTest {
    private final Rng rng = new Rng(12);

    @Test
    void aLayerIsCalledByItsClassUntilANetworkNamesIt() {
        Affine affine = new Affine(rng.randn(3, 2), new Matrix(1, 2));
        assertThat(affine.name()).isEqualTo("Affine");
        assertThat(affine).hasToString("Affine W 3x2, b 1x2; last x none");
        affine.name("Affine2");
        affine.label("He");
        affine.forward(rng.randn(4, 3));
        assertThat(affine).hasToString("Affine2 (He) W 3x2, b 1x2; last x 4x3");
        assertThatThrownBy(() -> new Sigmoid().backward(new Matrix(1, 1)))
                .hasMessageStartingWith("Sigmoid.backward: call forward first");
    }

    @Test
    void everyLayerShowsItsNameLabelAndShapes() {
        Matrix x = rng.randn(5, 4), gamma = new Matrix(1, 4);
        gamma.fill(1);
        Layer[] layers = {new Relu(), new Sigmoid(), new Tanh(), new BatchNormalization(gamma, new Matrix(1, 4)),
                new Dropout(0.25, rng)};
        String[] names = {"Relu1", "Sigmoid1", "Tanh1", "BatchNorm1", "Dropout1"};
        String[] expected = {"Relu1 \\(Xavier\\); last x 5x4, \\d+\\.\\d% masked",
                "Sigmoid1 \\(Xavier\\); last out 5x4", "Tanh1 \\(Xavier\\); last out 5x4",
                "BatchNorm1 \\(Xavier\\) gamma 1x4, beta 1x4; last x 5x4",
                "Dropout1 \\(Xavier\\) ratio 0.25; last mask 5x4"};
        for (int k = 0; k < layers.length; k++) {
            layers[k].name(names[k]);
            layers[k].label("Xavier");
            layers[k].forward(x, true);
            assertThat(layers[k].toString()).matches(expected[k]);
        }
        SoftmaxWithLoss last = new SoftmaxWithLoss();
        last.label("He");
        assertThat(last).hasToString("SoftmaxWithLoss (He); no forward yet");
    }

    @Test
    void theFirstAffineStillFillsDWAndDbWhenItSkipsItsUnusedDx() {
        Matrix W = rng.randn(3, 2), x = rng.randn(4, 3), dout = rng.randn(4, 2);
        Affine full = new Affine(W, new Matrix(1, 2)), first = new Affine(W, new Matrix(1, 2), false);
        full.forward(x);
        first.forward(x);
        assertThat(full.backward(dout)).isNotNull();
        assertThat(first.backward(dout)).as("dx is skipped").isNull();
        assertThat(first.dW.data).isDeepEqualTo(full.dW.data);
        assertThat(first.db.data).isDeepEqualTo(full.db.data);
    }

    @Test
    void everyLayerChecksForwardFirstAndTheShapeOfDoutTheSameWay() {
        Matrix gamma = new Matrix(1, 4);
        gamma.fill(1);
        Layer[] layers = {new Affine(rng.randn(4, 4), new Matrix(1, 4)), new Relu(), new Sigmoid(), new Tanh(),
                new BatchNormalization(gamma, new Matrix(1, 4)), new Dropout(0.25, rng)};
        for (Layer layer : layers) {
            layer.name(layer.getClass().getSimpleName() + "7");
            assertThatThrownBy(() -> layer.backward(new Matrix(5, 4))).as(layer.name())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(layer.name() + ".backward: call forward first (backward reads what the last"
                            + " training-mode forward cached)");
            layer.forward(rng.randn(5, 4), true);
            assertThatThrownBy(() -> layer.backward(new Matrix(5, 3))).as(layer.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(layer.name() + ".backward: dout is 5x3 but forward produced 5x4 (they must be equal)");
        }
        assertThatThrownBy(() -> new SoftmaxWithLoss().backward())
                .hasMessageStartingWith("SoftmaxWithLoss.backward: call forward first");
    }

    @Test
    void theFirstAffineSaysInTheDebuggerThatItSkipsDx() {
        Affine first = new Affine(rng.randn(3, 2), new Matrix(1, 2), false);
        first.name("Affine1");
        assertThat(first).hasToString("Affine1 W 3x2, b 1x2; last x none; no dx (first layer)");
    }
}
