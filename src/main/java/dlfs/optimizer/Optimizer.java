package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.Map;

/**
 * Updates parameters in place from their gradients, book §6.1; port of the {@code update(params, grads)}
 * method of every class in common/optimizer.py. {@code params} and {@code grads} share keys ("W1", "b1", …).
 * Stateful optimizers (Momentum, AdaGrad, Adam) keep their state per key, created on the first update,
 * so each network needs its own optimizer instance.
 */
public interface Optimizer {
    void update(Map<String, Matrix> params, Map<String, Matrix> grads);
}
