package dlfs.chapter6;

import static dlfs.optimizer.OptimizerPath.RANGE;
import static dlfs.optimizer.OptimizerPath.STEPS;

import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.optimizer.AdaGrad;
import dlfs.optimizer.Optimizer;
import dlfs.optimizer.OptimizerPath;
import dlfs.optimizer.PathExplorer;
import dlfs.plot.ContourChart;
import dlfs.plot.ContourLines;
import java.util.Locale;
import java.util.Map;

/**
 * AdaGrad's path on f(x, y) = x²/20 + y² from (−7, 2), 30 updates, over the contour lines of f: its steps across the
 * valley shrink at once, and it runs along the valley floor to the minimum. Book §6.1.5, figure 6-6; port of the
 * Korean remaster's ch06/show_optimizer_adagrad.py, which runs optimizer_compare_naive.py's loop for AdaGrad alone
 * (the Japanese and Korean first-edition repositories have no script for figure 6-6; their
 * optimizer_compare_naive.py draws the same path as one panel of figure 6-8). The script prints nothing; beyond it,
 * this main prints where AdaGrad ends. Nothing here is random.
 */
public final class ShowOptimizerAdagrad {
    static final Script SCRIPT = new Script("ShowOptimizerAdagrad", "ch06/show_optimizer_adagrad.py",
            ShowOptimizerAdagrad::run)
            .book("6.1.5", "6-6")
            .firstEditions(null, "6.1.5", "6-6")
            .summary("AdaGrad with lr 1.5 on f(x, y) = x²/20 + y² from (-7, 2), 30 updates, over its contour "
                    + "lines (figure 6-6).")
            .figures("show_optimizer_adagrad.png")
            .show();

    private ShowOptimizerAdagrad() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        String key = "AdaGrad";
        Optimizer optimizer = new AdaGrad(1.5);                 // optimizers["AdaGrad"] = AdaGrad(lr=1.5)
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
        Figures.save(options, "show_optimizer_adagrad", chart.size(640, 480),   // --show: step, play, change lr
                () -> PathExplorer.of("ShowOptimizerAdagrad: AdaGrad's path, update by update", Map.of(key, 1.5)));
    }
}
