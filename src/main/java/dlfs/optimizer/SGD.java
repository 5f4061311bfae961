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
            double[][] W = e.getValue().data;
            double[][] dW = Optimizers.gradFor("SGD", e.getKey(), e.getValue(), grads).data;
            // W ← W − η · ∂L/∂W    (6.1); the book's params[key] -= self.lr * grads[key]
            for (int i = 0; i < W.length; i++) {
                for (int j = 0; j < W[i].length; j++) {
                    W[i][j] -= lr * dW[i][j];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + lr + ")";
    }
}
