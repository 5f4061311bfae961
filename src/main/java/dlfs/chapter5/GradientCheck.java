package dlfs.chapter5;

import dlfs.dataset.MnistSet;
import dlfs.functions.NumericalGradient;
import dlfs.dataset.Mnist;
import dlfs.launch.Edition;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.TwoLayerNet;
import dlfs.util.Py;
import java.util.Map;

/**
 * Gradient check: TwoLayerNet's gradients by backpropagation against its numerical gradients on the first 3 MNIST
 * images, the mean absolute difference per parameter. Book §5.7.3; port of ch05/gradient_check.py. The differences
 * (1e-10 to 1e-7) are almost all the δ = 1e-7 of the loss's log(y + δ) (book §4.2.2), which backprop's
 * (y − t) / batch_size leaves out; that part is the same in numpy, so our numbers agree with numpy's to 4 or more
 * digits. With δ = 0 they would be 1e-13 to 1e-10: the central difference's own error and rounding.
 */
public final class GradientCheck {
    static final Script SCRIPT = new Script("GradientCheck", "ch05/gradient_check.py", GradientCheck::run)
            .book("5.7.3", "")
            .page(Edition.KOREAN_FIRST, "184")
            .summary("784-50-10 TwoLayerNet on x_train[:3]: mean |backprop - numerical gradient| for W1, b1, W2, b2.")
            .seed();

    private GradientCheck() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)
        // read the data; the script loads one-hot labels (one_hot_label=True), class indices give the same numbers
        MnistSet train = Mnist.load().train();

        TwoLayerNet network = new TwoLayerNet(784, 50, 10, rng);

        Matrix xBatch = train.images(0, 3);                             // x_train[:3]
        int[] tBatch = train.labels(0, 3);                              // t_train[:3]

        Map<String, Matrix> gradNumerical = network.numericalGradient(xBatch, tBatch);
        Map<String, Matrix> gradBackprop = network.gradient(xBatch, tBatch);

        for (String key : gradNumerical.keySet()) {
            // diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
            double diff = NumericalGradient.meanAbsDiff(gradBackprop.get(key), gradNumerical.get(key));
            System.out.println(key + ":" + Py.str(diff));
        }
    }
}
