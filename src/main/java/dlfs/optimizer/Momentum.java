package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.HashMap;
import java.util.Map;

/**
 * Momentum SGD: a velocity v that the gradient accelerates and the momentum slows down.
 * Book §6.1.4, eq. (6.3)-(6.4); port of common/optimizer.py {@code Momentum}.
 */
public final class Momentum implements Optimizer {
    public final double lr;
    public final double momentum;
    /** v per parameter key, zeros shaped like the parameter from its first update on. */
    private final Map<String, Matrix> v = new HashMap<>();

    public Momentum() {
        this(0.01);
    }

    public Momentum(double lr) {
        this(lr, 0.9);
    }

    public Momentum(double lr, double momentum) {
        this.lr = Optimizers.requirePositive("Momentum", "lr", lr);
        this.momentum = Optimizers.requireFraction("Momentum", "momentum", momentum);
    }

    @Override
    public void update(Map<String, Matrix> params, Map<String, Matrix> grads) {
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            String key = e.getKey();
            double[][] W = e.getValue().data;
            double[][] dW = Optimizers.gradFor("Momentum", key, e.getValue(), grads).data;
            double[][] vW = Optimizers.stateFor("Momentum", "v", v, key, e.getValue()).data;
            // v ← α·v − η·∂L/∂W    (6.3)
            // W ← W + v             (6.4)
            for (int i = 0; i < W.length; i++) {
                for (int j = 0; j < W[i].length; j++) {
                    vW[i][j] = momentum * vW[i][j] - lr * dW[i][j];
                    W[i][j] += vW[i][j];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + lr + ", momentum=" + momentum + ")";
    }
}
