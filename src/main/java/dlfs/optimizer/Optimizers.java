package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.Locale;
import java.util.Map;

/** Argument checks shared by the optimizers, and the by-name factory behind {@link Optimizer#create}. */
final class Optimizers {
    /** The names {@link #create} accepts, as the book's trainer.py spells its keys. */
    static final String NAMES = "sgd, momentum, nesterov, adagrad, rmsprop, adam";

    private Optimizers() {
    }

    /**
     * A new optimizer by the book's name (common/trainer.py {@code optimizer_class_dict}), case-insensitive,
     * with learning rate {@code lr} and the book's defaults for everything else.
     */
    static Optimizer create(String name, double lr) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sgd" -> new SGD(lr);
            case "momentum" -> new Momentum(lr);
            case "nesterov" -> new Nesterov(lr);
            case "adagrad" -> new AdaGrad(lr);
            case "rmsprop", "rmsprpo" -> new RMSprop(lr);   // older versions of trainer.py spell the key 'rmsprpo'
            case "adam" -> new Adam(lr);
            default -> throw new IllegalArgumentException("Optimizer.create: no optimizer named '" + name
                    + "' (choose from " + NAMES + ")");
        };
    }

    /** The book's default learning rate of the named optimizer: 0.001 for Adam, 0.01 for the others. */
    static double defaultLr(String name) {
        return name.trim().equalsIgnoreCase("adam") ? Adam.DEFAULT_LR : 0.01;
    }

    /** Returns value if it is a finite number > 0, else throws naming the optimizer and argument. */
    static double requirePositive(String optimizer, String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(optimizer + ": " + name + "=" + value + " must be a finite number > 0");
        }
        return value;
    }

    /** Returns value if it is in [0, 1) (momentum, decay rate, β1, β2), else throws naming the argument. */
    static double requireFraction(String optimizer, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(optimizer + ": " + name + "=" + value + " must be in [0, 1)");
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

    /**
     * The optimizer's state matrix (v, h, m) for a parameter key: zeros shaped like the parameter on the key's
     * first update (the book's {@code np.zeros_like(val)}), the same matrix afterwards. Throws if the parameter
     * under that key has changed shape since.
     */
    static Matrix stateFor(String optimizer, String stateName, Map<String, Matrix> state, String key, Matrix param) {
        Matrix s = state.get(key);
        if (s == null) {
            s = new Matrix(param.rows, param.cols);
            state.put(key, s);
        } else if (!s.sameShape(param)) {
            throw new IllegalArgumentException(optimizer + ".update: parameter '" + key + "' is " + param.shape()
                    + " but was " + s.shape() + " when " + stateName + " was created (use a new optimizer"
                    + " for a new network)");
        }
        return s;
    }
}
