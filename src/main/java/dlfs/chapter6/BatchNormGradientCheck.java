package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.WeightInit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backpropagation against the numerical gradient for a network with batch normalization, on one MNIST image:
 * the mean absolute difference per parameter. Book §6.3 (its repository's check of figure 6-17); port of
 * ch06/batch_norm_gradient_check.py. On 3 images every difference is below 1e-6; on the book's single image
 * beta2 stands out (about 0.05) because every batch-norm output is then β = 0 and the next ReLU sits on its
 * kink, where backprop and the central difference disagree. The main prints both.
 *
 * <p>Options: {@code --seed N} (the initial weights), {@code --show} (ignored: there is no figure).
 */
public final class BatchNormGradientCheck {
    static final long SEED = 2026;
    static final int[] HIDDEN_SIZE_LIST = {100, 100};
    static final int BATCH_OF_3 = 3;                 // a batch whose statistics are not degenerate

    private BatchNormGradientCheck() {
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        MnistSet train = Mnist.load().train();
        MultiLayerNetExtend network = MultiLayerNetExtend.withBatchnorm(784, HIDDEN_SIZE_LIST, 10, WeightInit.HE,
                true, new Rng(seed));
        Matrix xBatch = train.images(0, 1);          // x_train[:1]
        int[] tBatch = train.labels(0, 1);
        print(meanAbsDiff(network, xBatch, tBatch));
        System.out.println("(with 1 image every batch-norm output is β = 0, so the next ReLU sits on its kink: there"
                + " backprop gives 0 and the central difference half the slope, hence beta" + HIDDEN_SIZE_LIST.length
                + "'s difference)");
        System.out.println("--- the same check on " + BATCH_OF_3 + " images (x_train[:" + BATCH_OF_3 + "]) ---");
        print(meanAbsDiff(network, train.images(0, BATCH_OF_3), train.labels(0, BATCH_OF_3)));
    }

    private static void print(Map<String, Double> diffs) {
        for (Map.Entry<String, Double> e : diffs.entrySet()) {
            System.out.println(e.getKey() + ":" + e.getValue());
        }
    }

    /** For every parameter key, in the book's order: average |backprop − numerical|, numpy's {@code np.average(np.abs(…))}. */
    static Map<String, Double> meanAbsDiff(MultiLayerNetExtend network, Matrix xBatch, int[] tBatch) {
        Map<String, Matrix> gradBackprop = copy(network.gradient(xBatch, tBatch));
        Map<String, Matrix> gradNumerical = network.numericalGradient(xBatch, tBatch);
        Map<String, Double> diffs = new LinkedHashMap<>();
        for (String key : gradNumerical.keySet()) {
            Matrix a = gradBackprop.get(key), n = gradNumerical.get(key);
            double sum = 0;
            for (int i = 0; i < a.rows; i++) {
                for (int j = 0; j < a.cols; j++) {
                    sum += Math.abs(a.data[i][j] - n.data[i][j]);
                }
            }
            diffs.put(key, sum / (a.rows * a.cols));
        }
        return diffs;
    }

    /** The gradient map holds the layers' own matrices; copy them before anything else runs the network. */
    private static Map<String, Matrix> copy(Map<String, Matrix> grads) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        grads.forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }
}
