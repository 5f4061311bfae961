package dlfs.network;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.functions.NumericalGradient;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explorer's network: the script's activations, and dW by backprop against the numerical gradient. */
class ActivationStackTest {
    @Test
    void activationsAreTheScriptsLoopForTheSameDraws() {
        Rng rng = new Rng(5);
        Matrix x = rng.randn(20, 6);
        ActivationStack stack = new ActivationStack(Activation.SIGMOID, WeightInit.std(1), 3, 6, new Rng(9));
        List<Matrix> z = stack.forward(x);
        Rng same = new Rng(9);                                // the script: w = randn(n, n) * 1, z = sigmoid(x · w)
        Matrix in = x;
        for (int i = 0; i < 3; i++) {
            Matrix a = MatMul.dot(in, same.randn(6, 6));
            in = Activation.SIGMOID.newLayer().forward(a);
            assertThat(z.get(i).data).isDeepEqualTo(in.data);
        }
    }

    @Test
    void backwardGivesTheNumericalGradientOfTheHeadsLoss() {
        for (Activation activation : Activation.values()) {
            Rng rng = new Rng(3);
            Matrix x = rng.randn(4, 5);
            int[] t = {0, 3, 9, 1};
            ActivationStack stack = new ActivationStack(activation, WeightInit.XAVIER, 3, 5, rng);
            stack.forward(x);
            List<Matrix> dW = stack.backward(t);
            for (int i = 0; i < 3; i++) {
                Matrix numerical = NumericalGradient.of(() -> loss(stack, x, t), stack.W.get(i));
                for (int r = 0; r < 5; r++) {
                    for (int c = 0; c < 5; c++) {
                        double a = dW.get(i).data[r][c], n = numerical.data[r][c];
                        assertThat(Math.abs(a - n) / Math.max(1, Math.max(Math.abs(a), Math.abs(n))))
                                .as("%s dW%d[%d][%d]", activation, i + 1, r, c).isLessThan(1e-6);
                    }
                }
            }
        }
    }

    private static double loss(ActivationStack stack, Matrix x, int[] t) {
        List<Matrix> z = stack.forward(x);
        return new SoftmaxWithLoss().forward(MatMul.dot(z.get(z.size() - 1), stack.Whead), t);
    }
}
