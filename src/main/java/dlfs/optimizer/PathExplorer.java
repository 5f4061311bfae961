package dlfs.optimizer;

import static dlfs.optimizer.OptimizerPath.RANGE;
import static dlfs.optimizer.OptimizerPath.STEPS;

import dlfs.plot.ChartGrid;
import dlfs.plot.ContourChart;
import dlfs.plot.ContourLines;
import dlfs.window.Controls;
import dlfs.window.Explorer;
import dlfs.plot.Figure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The window --show opens for optimizer_compare_naive.py and the show_optimizer_*.py scripts (beyond the book,
 * §6.1.3-6.1.7): the paths of {@link OptimizerPath} update by update. The reader steps through the 30 updates or
 * plays them, and changes each optimizer's learning rate; the paths are computed again at once. It starts at the
 * saved figure: all 30 updates at the scripts' learning rates.
 */
public final class PathExplorer {
    private static final ContourLines LINES = new ContourLines(OptimizerPath::f, -RANGE, RANGE, -RANGE, RANGE, 401);

    /** The updates shown and each optimizer's learning rate, by the scripts' keys ("SGD", …) in their order. */
    record Settings(int step, Map<String, Double> lr) {
        Settings {
            lr = new LinkedHashMap<>(lr);               // never changed after this: every change makes a new map
        }

        Settings withStep(int s) {
            return new Settings(Math.max(0, Math.min(STEPS, s)), lr);
        }

        Settings withLr(String key, double value) {
            Map<String, Double> next = new LinkedHashMap<>(lr);
            next.put(key, value);
            return new Settings(step, next);
        }
    }

    private PathExplorer() {
    }

    /**
     * An explorer of the optimizers {@code lr} names ("SGD", "Momentum", "AdaGrad", "Adam", as the scripts key
     * them) at those learning rates: one panel each, two to a row, as optimizer_compare_naive.py's
     * {@code plt.subplot(2, 2, idx)}; a single optimizer gets a chart of its own, as show_optimizer_*.py.
     */
    public static Explorer<?> of(String title, Map<String, Double> lr) {
        return new Explorer<>(title, new Settings(STEPS, lr), PathExplorer::figure, PathExplorer::controls);
    }

    /** The figure the script saves (with {@code step} = 30), the paths cut after {@code step} updates. */
    public static Figure figure(Map<String, Double> lr, int step) {
        return figure(new Settings(step, lr));
    }

    private static Figure figure(Settings s) {
        if (s.lr().size() == 1) {
            String key = s.lr().keySet().iterator().next();
            return panel(key, s.lr().get(key), s.step()).size(640, 480);
        }
        ChartGrid grid = new ChartGrid(2, 480, 400);
        s.lr().forEach((key, lr) -> grid.add(panel(key, lr, s.step())));
        return grid;
    }

    private static ContourChart panel(String key, double lr, int step) {
        double[][] history = OptimizerPath.history(Optimizer.create(key, lr), STEPS);
        return new ContourChart(key + (step < STEPS ? String.format(Locale.ROOT, " (update %d of %d)", step, STEPS)
                : ""), "x", "y")
                .range(-RANGE, RANGE, -RANGE, RANGE)
                .contours(LINES, OptimizerPath.LEVELS)
                .path(Arrays.copyOf(history[0], step + 1), Arrays.copyOf(history[1], step + 1))
                .mark(0, 0);
    }

    private static void controls(Controls<Settings> c) {
        c.heading("Updates");
        c.slider("updates shown", 0, STEPS, Settings::step, Settings::withStep);
        c.button("◀ one update back", s -> s.withStep(s.step() - 1));
        c.button("one update on ▶", s -> s.withStep(s.step() + 1));
        c.play("▶ play the updates", 300, s -> s.withStep(s.step() + 1), s -> s.step() >= STEPS, s -> s.withStep(0));
        c.heading("Learning rates");
        for (String key : c.settings().lr().keySet()) {
            c.logSlider(key + " lr", 0.001, 10, s -> s.lr().get(key), (s, v) -> s.withLr(key, v));
        }
    }
}
