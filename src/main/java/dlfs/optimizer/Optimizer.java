package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.Map;

/**
 * Updates parameters in place from their gradients, book §6.1; port of the {@code update(params, grads)}
 * method of every class in common/optimizer.py. {@code params} and {@code grads} share keys ("W1", "b1", …).
 * Stateful optimizers (Momentum, Nesterov, AdaGrad, RMSprop, Adam) keep their state per key, created on the
 * first update, so each network needs its own optimizer instance.
 */
public interface Optimizer {
    void update(Map<String, Matrix> params, Map<String, Matrix> grads);

    /**
     * A new optimizer by name, as the book's trainer.py picks one ({@code optimizer='adam'}): "sgd",
     * "momentum", "nesterov", "adagrad", "rmsprop" or "adam" (any case), with learning rate {@code lr} and the
     * book's defaults for the other settings (momentum 0.9, decay rate 0.99, β1 0.9, β2 0.999).
     */
    static Optimizer create(String name, double lr) {
        return Optimizers.create(name, lr);
    }

    /** A new optimizer by name with the book's default learning rate (0.001 for Adam, 0.01 for the others). */
    static Optimizer create(String name) {
        return Optimizers.create(name, Optimizers.defaultLr(name));
    }
}
