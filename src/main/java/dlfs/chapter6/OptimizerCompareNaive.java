package dlfs.chapter6;

import static dlfs.optimizer.OptimizerPath.RANGE;
import static dlfs.optimizer.OptimizerPath.STEPS;

import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.optimizer.AdaGrad;
import dlfs.optimizer.Adam;
import dlfs.optimizer.Momentum;
import dlfs.optimizer.Optimizer;
import dlfs.optimizer.OptimizerPath;
import dlfs.optimizer.PathExplorer;
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
            .page(Edition.KOREAN_FIRST, "200")
            .summary("SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y² from (-7, 2), over its contour lines.")
            .figures("optimizer_compare_naive.png")
            .show();

    private OptimizerCompareNaive() {
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

    /** The learning rates of {@link #optimizers()}, for the window --show opens. */
    static Map<String, Double> learningRates() {
        Map<String, Double> lr = new LinkedHashMap<>();
        lr.put("SGD", 0.95);
        lr.put("Momentum", 0.1);
        lr.put("AdaGrad", 1.5);
        lr.put("Adam", 0.3);
        return lr;
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        ChartGrid grid = new ChartGrid(2, 480, 400);             // plt.subplot(2, 2, idx)
        ContourLines lines = new ContourLines(OptimizerPath::f, -RANGE, RANGE, -RANGE, RANGE, 401);
        for (Map.Entry<String, Optimizer> e : optimizers().entrySet()) {
            String key = e.getKey();
            double[][] history = OptimizerPath.history(e.getValue(), STEPS);   // {x_history, y_history}
            double x = history[0][STEPS], y = history[1][STEPS];
            System.out.printf(Locale.ROOT, "%-9s %-38s after %d updates: (x, y) = (%.6f, %.6f), f = %.6f%n",
                    key + ":", e.getValue(), STEPS, x, y, OptimizerPath.f(x, y));
            grid.add(new ContourChart(key, "x", "y")
                    .range(-RANGE, RANGE, -RANGE, RANGE)
                    .contours(lines, OptimizerPath.LEVELS)
                    .path(history[0], history[1])
                    .mark(0, 0));                                // the minimum, plt.plot(0, 0, '+')
        }
        Figures.save(options, "optimizer_compare_naive", grid,     // --show: step, play, change the learning rates
                () -> PathExplorer.of("OptimizerCompareNaive: the paths, update by update", learningRates()));
    }
}
