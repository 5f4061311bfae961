package dlfs.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ch05/layer_naive.py: the multiplication and addition nodes on single numbers (book §5.3–5.4). */
class NaiveLayersTest {
    @Test
    void mulLayerMultipliesAndSwapsItsInputsBackward() {
        MulLayer mul = new MulLayer();
        assertThat(mul.forward(100, 2)).isEqualTo(200.0);
        assertThat(mul.backward(1.1)).containsExactly(1.1 * 2, 1.1 * 100);   // dx = dout·y, dy = dout·x
        assertThat(mul).hasToString("MulLayer x=100.0 y=2.0");
    }

    @Test
    void addLayerPassesDoutToBothInputs() {
        AddLayer add = new AddLayer();
        assertThat(add.forward(200, 450)).isEqualTo(650.0);
        assertThat(add.backward(1.1)).containsExactly(1.1, 1.1);
    }

    /** Figure 5-17's graph against the central difference of price(apple, apple_num, orange, orange_num, tax). */
    @Test
    void theAppleAndOrangeGraphsGradientsAreThePricesDerivatives() {
        double[] in = {100, 2, 150, 3, 1.1};
        MulLayer mulApple = new MulLayer(), mulOrange = new MulLayer(), mulTax = new MulLayer();
        AddLayer add = new AddLayer();
        double price = mulTax.forward(add.forward(mulApple.forward(in[0], in[1]), mulOrange.forward(in[2], in[3])),
                in[4]);
        assertThat(price).isCloseTo(715, within(1e-12));
        double[] dTax = mulTax.backward(1);
        double[] dAdd = add.backward(dTax[0]);
        double[] dApple = mulApple.backward(dAdd[0]), dOrange = mulOrange.backward(dAdd[1]);
        double[] backprop = {dApple[0], dApple[1], dOrange[0], dOrange[1], dTax[1]};
        assertThat(backprop).containsExactly(new double[] {2.2, 110, 3.3, 165, 650}, within(1e-12));
        double h = 1e-4;
        for (int k = 0; k < in.length; k++) {
            double[] plus = in.clone(), minus = in.clone();
            plus[k] += h;
            minus[k] -= h;
            double numerical = (price(plus) - price(minus)) / (2 * h);
            assertThat(backprop[k]).as("input %d", k).isCloseTo(numerical, within(1e-6 * Math.max(1, numerical)));
        }
    }

    private static double price(double[] v) {
        return (v[0] * v[1] + v[2] * v[3]) * v[4];
    }

    @Test
    void mulLayerBackwardBeforeForwardSaysSo() {
        assertThatThrownBy(() -> new MulLayer().backward(1)).hasMessage("MulLayer.backward: call forward first");
        assertThat(new MulLayer()).hasToString("MulLayer; no forward yet");
    }
}
