package dlfs.chapter7;

import dlfs.functions.NumericalGradient;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import dlfs.network.SimpleConvNet;
import dlfs.network.SimpleConvNet.ConvParam;
import dlfs.util.Py;
import java.util.Map;

/**
 * Backpropagation through SimpleConvNet against the numerical gradient, on one random 10×10 image: the mean
 * absolute difference per parameter. Book §7.5; port of ch07/gradient_check.py. The script sets no seed; with the
 * default {@code --seed 0} the numbers are those it prints after {@code np.random.seed(0)}, to 1e-4 relative or
 * closer (the products add in another order). W1 and b1 stand out at about 1e-6 in both: one of the 640
 * convolution outputs is 3.7e-5, closer to ReLU's kink than the step h = 1e-4 of the numerical gradient, which
 * therefore straddles it (with h = 1e-6 numpy's differences for W1 and b1 drop to 3e-10 and 4e-10).
 */
public final class GradientCheck {
    static final Script SCRIPT = new Script("GradientCheck", "ch07/gradient_check.py", GradientCheck::run)
            .book("7.5", "")
            .summary("SimpleConvNet on input (1, 10, 10) with 10 filters 3x3: mean |numerical - backprop gradient|"
                    + " for W1, b1, W2, b2, W3, b3.")
            .seed();

    private GradientCheck() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)
        SimpleConvNet network = new SimpleConvNet(new int[] {1, 10, 10}, new ConvParam(10, 3, 0, 1),
                10, 10, 0.01, rng);

        Tensor4 X = Tensor4.of(rng.rand(1, 100), 1, 10, 10);            // np.random.rand(100).reshape((1, 1, 10, 10))
        int[] T = {1};                                                  // np.array([1]).reshape((1, 1)): class 1

        Map<String, Matrix> gradNum = network.numericalGradient(X, T);
        Map<String, Matrix> grad = network.gradient(X, T);

        // print(key, np.abs(grad_num[key] - grad[key]).mean())
        for (String key : gradNum.keySet()) {
            System.out.println(key + " " + Py.str(NumericalGradient.meanAbsDiff(gradNum.get(key), grad.get(key))));
        }
    }
}
