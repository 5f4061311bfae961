package dlfs.bench;

import dlfs.functions.NumericalGradient;
import dlfs.layers.Affine;
import dlfs.layers.Layer;
import dlfs.layers.Relu;
import dlfs.layers.Sigmoid;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.layers.Tanh;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.testing.GradientAssertions;
import java.util.Map;

/**
 * Prints the largest relative error |backprop − numerical| / max(1, |a|, |n|) of every layer and of small
 * networks, the numbers the gradient-check tests hold below 1e-6. Not a test: run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.GradientCheckReport}.
 */
public final class GradientCheckReport {
    public static void main(String[] args) {
        Rng rng = new Rng(2024);
        Matrix W = rng.randn(4, 3), b = rng.randn(1, 3), x = rng.randn(5, 4);
        Affine affine = new Affine(W, b);
        Matrix r = rng.randn(5, 3);
        affine.forward(x);
        Matrix dx = affine.backward(r);
        print("Affine dx", dx, () -> GradientAssertions.weightedSum(affine, x, r), x);
        print("Affine dW", affine.dW.copy(), () -> GradientAssertions.weightedSum(affine, x, r), W);
        print("Affine db", affine.db.copy(), () -> GradientAssertions.weightedSum(affine, x, r), b);
        Matrix away = GradientAssertions.awayFromZero(rng, 6, 7, 1e-2);
        for (Layer layer : new Layer[] {new Relu(), new Sigmoid(), new Tanh()}) {
            Matrix r2 = rng.randn(6, 7);
            layer.forward(away);
            print(layer.getClass().getSimpleName() + " dx", layer.backward(r2),
                    () -> GradientAssertions.weightedSum(layer, away, r2), away);
        }
        Matrix scores = rng.randn(4, 5);
        int[] t = {0, 4, 2, 2};
        for (int n = 0; n < t.length; n++) {
            scores.data[n][t[n]] += 2;
        }
        SoftmaxWithLoss softmax = new SoftmaxWithLoss();
        softmax.forward(scores, t);
        print("SoftmaxWithLoss dx", softmax.backward(), () -> softmax.forward(scores, t), scores);

        for (Activation activation : Activation.values()) {
            for (double lambda : new double[] {0, 0.1}) {
                Rng netRng = new Rng(5);
                MultiLayerNet net = new MultiLayerNet(6, new int[] {5, 4}, 3, activation, WeightInit.std(0.3), lambda,
                        netRng);
                Matrix xs = netRng.randn(3, 6);
                int[] ts = {0, 2, 1};
                Map<String, Matrix> numeric = net.numericalGradient(xs, ts);
                Map<String, Matrix> grads = net.gradient(xs, ts);
                double worst = 0;
                for (String key : grads.keySet()) {
                    worst = Math.max(worst, GradientAssertions.maxRelativeError(grads.get(key), numeric.get(key)));
                }
                System.out.printf("MultiLayerNet %-7s lambda=%.1f  max error %.2e over W1..b3%n", activation, lambda, worst);
            }
        }
    }

    private static void print(String what, Matrix analytic, java.util.function.DoubleSupplier f, Matrix p) {
        double err = GradientAssertions.maxRelativeError(analytic, NumericalGradient.of(f, p));
        System.out.printf("%-22s max error %.2e%n", what, err);
    }
}
