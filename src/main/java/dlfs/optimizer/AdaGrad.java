package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.HashMap;
import java.util.Map;

/**
 * AdaGrad: each element's learning rate shrinks with the sum of its squared gradients so far.
 * Book §6.1.5, eq. (6.5)-(6.6); port of common/optimizer.py {@code AdaGrad}.
 */
public final class AdaGrad implements Optimizer {
    public final double lr;
    /** h per parameter key, zeros shaped like the parameter from its first update on. */
    private final Map<String, Matrix> h = new HashMap<>();

    public AdaGrad() {
        this(0.01);
    }

    public AdaGrad(double lr) {
        this.lr = Optimizers.requirePositive("AdaGrad", "lr", lr);
    }

    @Override
    public void update(Map<String, Matrix> params, Map<String, Matrix> grads) {
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            String key = e.getKey();
            double[][] W = e.getValue().data;
            double[][] dW = Optimizers.gradFor("AdaGrad", key, e.getValue(), grads).data;
            double[][] hW = Optimizers.stateFor("AdaGrad", "h", h, key, e.getValue()).data;
            // h ← h + ∂L/∂W ⊙ ∂L/∂W                (6.5)
            // W ← W − η · ∂L/∂W / (√h + 1e-7)       (6.6); the book's code adds 1e-7 so that h = 0 cannot divide by 0
            for (int i = 0; i < W.length; i++) {
                for (int j = 0; j < W[i].length; j++) {
                    hW[i][j] += dW[i][j] * dW[i][j];
                    W[i][j] -= lr * dW[i][j] / (Math.sqrt(hW[i][j]) + 1e-7);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "AdaGrad(lr=" + lr + ")";
    }
}
