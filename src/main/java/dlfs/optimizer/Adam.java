package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam: Momentum's moving average of the gradient (m) divided by RMSprop's of its square (v), with the bias
 * correction of both folded into the learning rate. Book §6.1.6 (http://arxiv.org/abs/1412.6980v8); port of
 * common/optimizer.py {@code Adam}.
 */
public final class Adam implements Optimizer {
    /** The book's default learning rate, 0.001 (ten times smaller than the other optimizers'). */
    public static final double DEFAULT_LR = 0.001;

    public final double lr;
    public final double beta1;
    public final double beta2;
    /** Updates so far (the book's {@code self.iter}); one count for all keys. */
    private int iter;
    /** m and v per parameter key, zeros shaped like the parameter from its first update on. */
    private final Map<String, Matrix> m = new HashMap<>();
    private final Map<String, Matrix> v = new HashMap<>();

    public Adam() {
        this(DEFAULT_LR);
    }

    public Adam(double lr) {
        this(lr, 0.9, 0.999);
    }

    public Adam(double lr, double beta1, double beta2) {
        this.lr = Optimizers.requirePositive("Adam", "lr", lr);
        this.beta1 = Optimizers.requireFraction("Adam", "beta1", beta1);
        this.beta2 = Optimizers.requireFraction("Adam", "beta2", beta2);
    }

    @Override
    public void update(Map<String, Matrix> params, Map<String, Matrix> grads) {
        iter++;
        // lr_t = η · √(1 − β2^iter) / (1 − β1^iter): the bias correction of m and v, folded into the rate.
        // Math.pow gives Python's ** here: lr_t is the same double for every iter from 1 to 20000 (checked).
        double lrT = lr * Math.sqrt(1.0 - Math.pow(beta2, iter)) / (1.0 - Math.pow(beta1, iter));
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            String key = e.getKey();
            double[][] W = e.getValue().data;
            double[][] dW = Optimizers.gradFor("Adam", key, e.getValue(), grads).data;
            double[][] mW = Optimizers.stateFor("Adam", "m", m, key, e.getValue()).data;
            double[][] vW = Optimizers.stateFor("Adam", "v", v, key, e.getValue()).data;
            // m ← m + (1 − β1)·(∂L/∂W − m)
            // v ← v + (1 − β2)·(∂L/∂W ⊙ ∂L/∂W − v)
            // W ← W − lr_t · m / (√v + 1e-7)
            for (int i = 0; i < W.length; i++) {
                for (int j = 0; j < W[i].length; j++) {
                    double g = dW[i][j];
                    mW[i][j] += (1 - beta1) * (g - mW[i][j]);
                    vW[i][j] += (1 - beta2) * (g * g - vW[i][j]);
                    W[i][j] -= lrT * mW[i][j] / (Math.sqrt(vW[i][j]) + 1e-7);
                }
            }
        }
    }

    /** Updates done so far. */
    public int iter() {
        return iter;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ")";
    }
}
