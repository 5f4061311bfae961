package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.HashMap;
import java.util.Map;

/**
 * RMSprop: AdaGrad whose sum of squared gradients fades, so old gradients count less (an exponential moving
 * average). Book §6.1.5 (end); port of common/optimizer.py {@code RMSprop}.
 */
public final class RMSprop implements Optimizer {
    public final double lr;
    public final double decayRate;
    /** h per parameter key, zeros shaped like the parameter from its first update on. */
    private final Map<String, Matrix> h = new HashMap<>();

    public RMSprop() {
        this(0.01);
    }

    public RMSprop(double lr) {
        this(lr, 0.99);
    }

    public RMSprop(double lr, double decayRate) {
        this.lr = Optimizers.requirePositive("RMSprop", "lr", lr);
        this.decayRate = Optimizers.requireFraction("RMSprop", "decayRate", decayRate);
    }

    @Override
    public void update(Map<String, Matrix> params, Map<String, Matrix> grads) {
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            String key = e.getKey();
            double[][] W = e.getValue().data;
            double[][] dW = Optimizers.gradFor("RMSprop", key, e.getValue(), grads).data;
            double[][] hW = Optimizers.stateFor("RMSprop", "h", h, key, e.getValue()).data;
            // h ← ρ·h + (1 − ρ) · ∂L/∂W ⊙ ∂L/∂W     (ρ = decayRate)
            // W ← W − η · ∂L/∂W / (√h + 1e-7)
            for (int i = 0; i < W.length; i++) {
                for (int j = 0; j < W[i].length; j++) {
                    hW[i][j] *= decayRate;
                    hW[i][j] += (1 - decayRate) * dW[i][j] * dW[i][j];
                    W[i][j] -= lr * dW[i][j] / (Math.sqrt(hW[i][j]) + 1e-7);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + lr + ", decayRate=" + decayRate + ")";
    }
}
