package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.HashMap;
import java.util.Map;

/**
 * Nesterov's accelerated gradient (NAG), in the rearranged form of http://arxiv.org/abs/1212.0901 (eq. 6–7)
 * that the book's code uses: Momentum that looks one step ahead. Not in the book's text (§6.1 covers SGD,
 * Momentum, AdaGrad, Adam); port of common/optimizer.py {@code Nesterov} as the book's repository has it since
 * its 2021 fix: W moves with the old velocity, then v is updated. Earlier printings, and the Korean edition's
 * repository, update v first and move W with the new one ({@code v *= momentum; v -= lr*g;
 * W += momentum*momentum*v; W -= (1+momentum)*lr*g}), which counts the momentum step twice.
 */
public final class Nesterov implements Optimizer {
    public final double lr;
    public final double momentum;
    /** v per parameter key, zeros shaped like the parameter from its first update on. */
    private final Map<String, Matrix> v = new HashMap<>();

    public Nesterov() {
        this(0.01);
    }

    public Nesterov(double lr) {
        this(lr, 0.9);
    }

    public Nesterov(double lr, double momentum) {
        this.lr = Optimizers.requirePositive("Nesterov", "lr", lr);
        this.momentum = Optimizers.requireFraction("Nesterov", "momentum", momentum);
    }

    @Override
    public void update(Map<String, Matrix> params, Map<String, Matrix> grads) {
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            String key = e.getKey();
            double[][] W = e.getValue().data;
            double[][] dW = Optimizers.gradFor("Nesterov", key, e.getValue(), grads).data;
            double[][] vW = Optimizers.stateFor("Nesterov", "v", v, key, e.getValue()).data;
            // W ← W + α²·v − (1 + α)·η·∂L/∂W    with the v of the previous step
            // v ← α·v − η·∂L/∂W
            for (int i = 0; i < W.length; i++) {
                for (int j = 0; j < W[i].length; j++) {
                    W[i][j] += momentum * momentum * vW[i][j];
                    W[i][j] -= (1 + momentum) * lr * dW[i][j];
                    vW[i][j] *= momentum;
                    vW[i][j] -= lr * dW[i][j];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Nesterov(lr=" + lr + ", momentum=" + momentum + ")";
    }
}
