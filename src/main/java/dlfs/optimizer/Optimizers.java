package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.Map;

/** Argument checks shared by the optimizers. */
final class Optimizers {
    private Optimizers() {
    }

    /** Returns value if it is a finite number > 0, else throws naming the optimizer and argument. */
    static double requirePositive(String optimizer, String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(optimizer + ": " + name + "=" + value + " must be a finite number > 0");
        }
        return value;
    }

    /** The gradient for a parameter key; throws if it is missing or shaped differently from the parameter. */
    static Matrix gradFor(String optimizer, String key, Matrix param, Map<String, Matrix> grads) {
        Matrix grad = grads.get(key);
        if (grad == null) {
            throw new IllegalArgumentException(optimizer + ".update: no gradient for parameter '" + key
                    + "' (grads has " + grads.keySet() + ")");
        }
        if (!grad.sameShape(param)) {
            throw new IllegalArgumentException(optimizer + ".update: parameter '" + key + "' is " + param.shape()
                    + " but its gradient is " + grad.shape() + " (they must be equal)");
        }
        return grad;
    }
}
