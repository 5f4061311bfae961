package dlfs.optimizer;

import dlfs.matrix.Matrix;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's path on f(x, y) = x²/20 + y², eq. (6.2), from (−7, 2): a valley 20 times flatter along x than
 * along y, so the gradient points mostly across it, not to the minimum at (0, 0). Book §6.1.3–6.1.7, figures 6-3,
 * 6-5, 6-6, 6-7 and 6-8; the loop of ch06/optimizer_compare_naive.py, which the Korean remaster's
 * show_optimizer_sgd.py, …_momentum.py, …_adagrad.py and …_adam.py run for one optimizer each.
 */
public final class OptimizerPath {
    /** init_pos = (-7.0, 2.0). */
    public static final double[] INIT_POS = {-7.0, 2.0};
    /** for i in range(30). */
    public static final int STEPS = 30;
    /** The contour levels plt.contour picks for the scripts' Z, which they cap at 7 ("simplify the outline"). */
    public static final double[] LEVELS = {1, 2, 3, 4, 5, 6, 7};
    /** plt.xlim(-10, 10); plt.ylim(-10, 10). */
    public static final double RANGE = 10;

    private OptimizerPath() {
    }

    /** f(x, y) = x²/20 + y², eq. (6.2). */
    public static double f(double x, double y) {
        return x * x / 20.0 + y * y;
    }

    /** (∂f/∂x, ∂f/∂y) = (x/10, 2y). */
    public static double[] df(double x, double y) {
        return new double[] {x / 10.0, 2.0 * y};
    }

    /**
     * The positions from INIT_POS through {@code steps} updates: {x_history, y_history}, each of length
     * steps + 1. The scripts append before each update, so their lists stop one point short: they draw 30 points
     * and leave out where the 30th update lands; the figures here draw that point too.
     */
    public static double[][] history(Optimizer optimizer, int steps) {
        Map<String, Matrix> params = new LinkedHashMap<>();
        params.put("x", Matrix.row(INIT_POS[0]));                // params['x'], params['y'] = init_pos
        params.put("y", Matrix.row(INIT_POS[1]));
        Map<String, Matrix> grads = new LinkedHashMap<>();
        double[] xHistory = new double[steps + 1];
        double[] yHistory = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double x = params.get("x").data[0][0], y = params.get("y").data[0][0];
            xHistory[i] = x;
            yHistory[i] = y;
            if (i == steps) {
                break;
            }
            double[] d = df(x, y);                               // grads['x'], grads['y'] = df(params['x'], params['y'])
            grads.put("x", Matrix.row(d[0]));
            grads.put("y", Matrix.row(d[1]));
            optimizer.update(params, grads);
        }
        return new double[][] {xHistory, yHistory};
    }
}
