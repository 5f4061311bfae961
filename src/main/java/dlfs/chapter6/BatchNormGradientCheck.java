package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.functions.NumericalGradient;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.WeightInit;
import dlfs.util.Py;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backpropagation against the numerical gradient for a network with batch normalization, on the first MNIST image:
 * the mean absolute difference per parameter. Book §6.3 (the check behind figure 6-17); port of
 * ch06/batch_norm_gradient_check.py. With the default {@code --seed 0} it prints what the book's script prints after
 * {@code np.random.seed(0)}. On one image beta2 stands out (about 0.05): every batch-norm output is then β = 0, so
 * the next ReLU sits on its kink, where backprop and the central difference disagree. Beyond the book, the same
 * check on 3 images follows, where every difference is below 1e-6.
 */
public final class BatchNormGradientCheck {
    static final Script SCRIPT = new Script("BatchNormGradientCheck", "ch06/batch_norm_gradient_check.py",
            BatchNormGradientCheck::run)
            .book("6.3", "")
            .summary("784-[100, 100]-10 with batch norm: mean |backprop - numerical gradient| per parameter, on"
                    + " x_train[:1] (the book's check) and then on x_train[:3].")
            .seed();

    private BatchNormGradientCheck() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)
        // the script loads one-hot labels (one_hot_label=True); class indices give the same numbers, because
        // cross_entropy_error turns one-hot rows back into indices and y − t equals y with 1 taken off at t
        MnistSet train = Mnist.load().train();

        MultiLayerNetExtend network = MultiLayerNetExtend.withBatchnorm(784, new int[] {100, 100}, 10, WeightInit.HE,
                true, rng);

        Matrix xBatch = train.images(0, 1);                             // x_train[:1]
        int[] tBatch = train.labels(0, 1);                              // t_train[:1]
        progress(network, xBatch);
        for (Map.Entry<String, Double> e : meanAbsDiff(network, xBatch, tBatch).entrySet()) {
            System.out.println(e.getKey() + ":" + Py.str(e.getValue()));
        }

        // beyond the book: with 3 images the batch statistics are not degenerate
        System.out.println("--- beyond the book: the same check on x_train[:3] (with 1 image every batch-norm output"
                + " is beta, so the next ReLU sits on its kink and beta2 differs) ---");
        progress(network, train.images(0, 3));
        for (Map.Entry<String, Double> e : meanAbsDiff(network, train.images(0, 3), train.labels(0, 3)).entrySet()) {
            System.out.println(e.getKey() + ":" + Py.str(e.getValue()));
        }
    }

    /** A line on stderr, so that stdout stays the script's: the central differences take a while. */
    private static void progress(MultiLayerNetExtend network, Matrix xBatch) {
        long values = 0;
        for (Matrix p : network.params.values()) {
            values += (long) p.rows * p.cols;
        }
        System.err.printf("numerical gradient on %d image(s): %d parameters, 2 losses each ...%n", xBatch.rows, values);
    }

    /** For every parameter, in the book's order: np.average(np.abs(grad_backprop[key] - grad_numerical[key])). */
    static Map<String, Double> meanAbsDiff(MultiLayerNetExtend network, Matrix xBatch, int[] tBatch) {
        Map<String, Matrix> gradBackprop = new LinkedHashMap<>();
        network.gradient(xBatch, tBatch).forEach((key, grad) -> gradBackprop.put(key, grad.copy()));
        Map<String, Matrix> gradNumerical = network.numericalGradient(xBatch, tBatch);
        Map<String, Double> diffs = new LinkedHashMap<>();
        for (String key : gradNumerical.keySet()) {
            diffs.put(key, NumericalGradient.meanAbsDiff(gradBackprop.get(key), gradNumerical.get(key)));
        }
        return diffs;
    }
}
