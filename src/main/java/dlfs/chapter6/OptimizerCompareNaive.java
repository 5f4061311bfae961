package dlfs.chapter6;

import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.optimizer.AdaGrad;
import dlfs.optimizer.Adam;
import dlfs.optimizer.Momentum;
import dlfs.optimizer.Optimizer;
import dlfs.optimizer.SGD;
import dlfs.plot.ChartGrid;
import dlfs.plot.ContourChart;
import dlfs.plot.ContourLines;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SGD, Momentum, AdaGrad and Adam minimising f(x, y) = x²/20 + y² from (−7, 2), 30 updates each, drawn over
 * the contour lines of f. Book §6.1.7, figure 6-8; port of ch06/optimizer_compare_naive.py. The script prints
 * nothing; beyond it, this main prints where each optimizer ends. Nothing here is random.
 */
public final class OptimizerCompareNaive {
    static final Script SCRIPT = new Script("OptimizerCompareNaive", "ch06/optimizer_compare_naive.py",
            OptimizerCompareNaive::run)
            .book("6.1.7", "6-8")
            .summary("SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y² from (-7, 2), over its contour lines.")
            .figures("optimizer_compare_naive.png")
            .show();

    static final double[] INIT_POS = {-7.0, 2.0};
    static final int STEPS = 30;                      // for i in range(30)
    static final double[] LEVELS = {1, 2, 3, 4, 5, 6, 7};   // what plt.contour picks for Z in [0, 7]
    static final double RANGE = 10;                   // plt.xlim(-10, 10); plt.ylim(-10, 10)

    private OptimizerCompareNaive() {
    }

    /** f(x, y) = x²/20 + y², eq. (6.2). */
    static double f(double x, double y) {
        return x * x / 20.0 + y * y;
    }

    /** (∂f/∂x, ∂f/∂y) = (x/10, 2y). */
    static double[] df(double x, double y) {
        return new double[] {x / 10.0, 2.0 * y};
    }

    /** The script's optimizers with its learning rates, in its order. */
    static Map<String, Optimizer> optimizers() {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("SGD", new SGD(0.95));
        optimizers.put("Momentum", new Momentum(0.1));
        optimizers.put("AdaGrad", new AdaGrad(1.5));
        optimizers.put("Adam", new Adam(0.3));
        return optimizers;
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        ChartGrid grid = new ChartGrid(2, 480, 400);             // plt.subplot(2, 2, idx)
        ContourLines lines = new ContourLines(OptimizerCompareNaive::f, -RANGE, RANGE, -RANGE, RANGE, 401);
        for (Map.Entry<String, Optimizer> e : optimizers().entrySet()) {
            String key = e.getKey();
            double[][] history = history(e.getValue(), STEPS);   // {x_history, y_history}
            double x = history[0][STEPS], y = history[1][STEPS];
            System.out.printf(Locale.ROOT, "%-9s %-38s after %d updates: (x, y) = (%.6f, %.6f), f = %.6f%n",
                    key + ":", e.getValue(), STEPS, x, y, f(x, y));
            grid.add(new ContourChart(key, "x", "y")
                    .range(-RANGE, RANGE, -RANGE, RANGE)
                    .contours(lines, LEVELS)
                    .path(history[0], history[1])
                    .mark(0, 0));                                // the minimum, plt.plot(0, 0, '+')
        }
        Figures.save(options, "optimizer_compare_naive", grid);
    }

    /**
     * The positions from INIT_POS through {@code steps} updates: {x_history, y_history}, each of length
     * steps + 1 (the book appends before each update, so its lists stop one point short of the last one).
     */
    static double[][] history(Optimizer optimizer, int steps) {
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
            double[] d = df(x, y);
            grads.put("x", Matrix.row(d[0]));
            grads.put("y", Matrix.row(d[1]));
            optimizer.update(params, grads);
        }
        return new double[][] {xHistory, yHistory};
    }
}
