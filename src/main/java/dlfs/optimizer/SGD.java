package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.Map;

/** Stochastic gradient descent, book §6.1.2, eq. (6.1); port of common/optimizer.py {@code SGD}. */
public final class SGD implements Optimizer {
    public final double lr;

    public SGD() {
        this(0.01);
    }

    public SGD(double lr) {
        this.lr = Optimizers.requirePositive("SGD", "lr", lr);
    }

    @Override
    public void update(Map<String, Matrix> params, Map<String, Matrix> grads) {
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            Matrix W = e.getValue();
            Matrix dW = Optimizers.gradFor("SGD", e.getKey(), W, grads);
            // W ← W − η · ∂L/∂W    (6.1)
            W.addScaledInPlace(-lr, dW);
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + lr + ")";
    }
}
