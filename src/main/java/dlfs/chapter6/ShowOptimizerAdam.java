package dlfs.chapter6;

import static dlfs.optimizer.OptimizerPath.RANGE;
import static dlfs.optimizer.OptimizerPath.STEPS;

import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.optimizer.Adam;
import dlfs.optimizer.Optimizer;
import dlfs.optimizer.OptimizerPath;
import dlfs.optimizer.PathExplorer;
import dlfs.plot.ContourChart;
import dlfs.plot.ContourLines;
import java.util.Locale;
import java.util.Map;

/**
 * Adam's path on f(x, y) = x²/20 + y² from (−7, 2), 30 updates, over the contour lines of f: it rolls like Momentum,
 * with the swing across the valley damped. Book §6.1.6, figure 6-7; port of the Korean remaster's
 * ch06/show_optimizer_adam.py, which runs optimizer_compare_naive.py's loop for Adam alone (the Japanese and Korean
 * first-edition repositories have no script for figure 6-7; their optimizer_compare_naive.py draws the same path as
 * one panel of figure 6-8). The script prints nothing; beyond it, this main prints where Adam ends. Nothing here is
 * random.
 */
public final class ShowOptimizerAdam {
    static final Script SCRIPT = new Script("ShowOptimizerAdam", "ch06/show_optimizer_adam.py",
            ShowOptimizerAdam::run)
            .book("6.1.6", "6-7")
            .firstEditions(null, "6.1.6", "6-7")
            .summary("Adam with lr 0.3 on f(x, y) = x²/20 + y² from (-7, 2), 30 updates, over its contour lines "
                    + "(figure 6-7).")
            .figures("show_optimizer_adam.png")
            .show();

    private ShowOptimizerAdam() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        String key = "Adam";
        Optimizer optimizer = new Adam(0.3);                    // optimizers["Adam"] = Adam(lr=0.3)
        double[][] history = OptimizerPath.history(optimizer, STEPS);   // {x_history, y_history}
        double x = history[0][STEPS], y = history[1][STEPS];
        System.out.printf(Locale.ROOT, "%s: %s after %d updates: (x, y) = (%.6f, %.6f), f = %.6f%n", key,
                optimizer, STEPS, x, y, OptimizerPath.f(x, y));                  // beyond the book

        // draw graph
        ContourLines lines = new ContourLines(OptimizerPath::f, -RANGE, RANGE, -RANGE, RANGE, 401);
        ContourChart chart = new ContourChart(key, "x", "y")        // plt.subplot(1, 1, 1); plt.title(key)
                .range(-RANGE, RANGE, -RANGE, RANGE)                // plt.xlim(-10, 10); plt.ylim(-10, 10)
                .contours(lines, OptimizerPath.LEVELS)              // plt.contour(X, Y, Z)
                .path(history[0], history[1])                       // plt.plot(x_history, y_history, 'o-', color="red")
                .mark(0, 0);                                        // the minimum, plt.plot(0, 0, '+')
        Figures.save(options, "show_optimizer_adam", chart.size(640, 480),   // --show: step, play, change lr
                () -> PathExplorer.of("ShowOptimizerAdam: Adam's path, update by update", Map.of(key, 0.3)));
    }
}
