package dlfs.window;

import dlfs.plot.Figure;
import dlfs.plot.LineChart;
import dlfs.plot.ChartGrid;
import dlfs.util.Smoothing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A chart that grows while a script trains: the window --show opens when training starts (the book draws its
 * figure only after {@code plt.show()}). The script feeds it the numbers it records anyway, one line where it
 * records them, and saves its figure as before; the window then shows that figure and stays open.
 *
 * <pre>
 * LineChart chart = new LineChart("iterations", "loss").yRange(0, 2.5).markEvery(100);
 * LiveChart live = Figures.live(options, "weight_init_compare", chart.size(800, 560)).smoothed();
 * …   trainLoss.get(key)[i] = network.loss(xBatch, tBatch);
 *     live.add(key, i, trainLoss.get(key)[i]);
 * …
 * Figures.save(options, "weight_init_compare", chart.add(…));
 * </pre>
 *
 * It copies the numbers it is given and never changes the run: what a script prints is the same with and without
 * it. Its calls take a lock for the time of copying a number and return (when the window is off they return at
 * once); a thread of its own draws ({@link LiveDrawing}). The reader's Pause holds the training thread at its next
 * call here until Resume.
 */
public final class LiveChart {
    /** Off: every call returns at once (no --show). */
    public static final LiveChart OFF = new LiveChart(null, null, null, false, false);

    private final String title;
    private final LineChart chart;          // the settings of a single chart, or of each panel's default
    private final ChartGrid grid;           // the settings of a grid, or null
    private final Object lock = new Object();
    private final List<Panel> panels = new ArrayList<>();      // guarded by lock, as the fields below
    private Figure whole;
    private long version;
    private long drawn = -1;                // the version drawn last (drawing thread only)
    private volatile boolean smoothed;
    private final LiveDrawing drawing;      // null when off
    private long callNanos;                 // the training thread's time in this object's calls
    private long calls;

    private LiveChart(String title, LineChart chart, ChartGrid grid, boolean window, boolean frames) {
        this.title = title;
        this.chart = chart;
        this.grid = grid;
        if (chart != null && grid == null) {
            panels.add(new Panel(chart));
        }
        int width = chart != null ? chart.width() : 800, height = chart != null ? chart.height() : 600;
        this.drawing = window || frames ? new LiveDrawing(title, width, height, this::next, window, frames) : null;
    }

    /** A live single chart with the settings (labels, ranges, size) {@code chart} has now. */
    public static LiveChart of(String title, LineChart chart, boolean window, boolean frames) {
        return new LiveChart(title, chart.settingsCopy(), null, window, frames);
    }

    /** A live grid with the settings {@code grid} has now; {@link #panel} starts each panel. */
    public static LiveChart of(String title, ChartGrid grid, boolean window, boolean frames) {
        return new LiveChart(title, null, grid.settingsCopy(), window, frames);
    }

    /** A live window that shows whole figures, each handed over by {@link #show}. */
    public static LiveChart ofFigures(String title, boolean window, boolean frames) {
        return new LiveChart(title, null, null, window, frames);
    }

    /** Draws each series smoothed by the book's smooth_curve once it has 11 points, as the saved loss figures. */
    public LiveChart smoothed() {
        smoothed = true;
        return this;
    }

    /**
     * The x axis the finished chart will span, so that the curves grow across it (the book's {@code plt.xlim});
     * a single point, as after one epoch, gets [lo, lo + 1].
     */
    public LiveChart xRange(double lo, double hi) {
        if (chart != null) {
            synchronized (lock) {
                chart.xRange(lo, Math.max(hi, lo + 1));                  // the live copy only; the script's chart is not touched
                version++;
            }
        }
        return this;
    }

    /** Whether a window or frames are drawn (false without --show). */
    public boolean isOn() {
        return drawing != null;
    }

    /** The point (x, y) at the end of {@code series} in the current panel (a new series the first time). */
    public void add(String series, double x, double y) {
        record(series, x, y, false);
    }

    /** As {@link #add}, the series drawn dashed (the book's {@code linestyle="--"}). */
    public void addDashed(String series, double x, double y) {
        record(series, x, y, true);
    }

    private void record(String series, double x, double y, boolean dashed) {
        if (drawing == null) {
            return;
        }
        long start = System.nanoTime();
        synchronized (lock) {
            if (panels.isEmpty()) {
                throw new IllegalStateException("LiveChart '" + title + "': start a panel before adding points");
            }
            panels.get(panels.size() - 1).points(series, dashed).add(x, y);
            version++;
        }
        drawing.pauseCheck();
        callNanos += System.nanoTime() - start;
        calls++;
    }

    /** Starts the next panel of a grid, with the settings {@code panel} has now (its title, labels, ranges). */
    public void panel(LineChart panel) {
        if (drawing == null) {
            return;
        }
        if (grid == null) {
            throw new IllegalStateException("LiveChart '" + title + "' is a single chart: panels are for a grid");
        }
        synchronized (lock) {
            panels.add(new Panel(panel.settingsCopy()));
            version++;
        }
    }

    /**
     * Draws the figure {@code figure} builds (on the calling thread, only when the window is on), e.g. a ranking
     * rebuilt as results come in; the figure must not change afterwards.
     */
    public void show(Supplier<? extends Figure> figure) {
        if (drawing == null) {
            return;
        }
        long start = System.nanoTime();
        Figure f = figure.get();
        synchronized (lock) {
            whole = f;
            version++;
        }
        drawing.pauseCheck();
        callNanos += System.nanoTime() - start;
        calls++;
    }

    /** At the end: the saved figure replaces the live one (the last frame), and the window stays open. */
    public void finish(Figure figure, String state) {
        if (drawing != null) {
            drawing.finish(figure, state);
        }
    }

    /** What the window cost: the training thread's time in this object's calls and the drawing thread's. */
    public String cost() {
        return String.format(Locale.ROOT, "live window '%s': %d calls, %.3f ms in them on the training thread; %s",
                title, calls, callNanos / 1e6, drawing == null ? "off" : drawing.cost());
    }

    // ------------------------------------------------------------------ drawing thread

    /** The chart as it is now, or null if nothing changed since the last call (or a grid has no panel yet). */
    private LiveDrawing.Picture next() {
        List<Panel> copies = new ArrayList<>();
        Figure figure;
        synchronized (lock) {
            if (version == drawn) {
                return null;
            }
            drawn = version;
            figure = whole;
            if (figure == null) {
                for (Panel p : panels) {
                    copies.add(p.copy());
                }
            }
        }
        if (figure != null) {
            return new LiveDrawing.Picture(figure, "");
        }
        if (copies.isEmpty()) {
            return null;
        }
        String state = copies.get(copies.size() - 1).state();
        if (grid == null) {
            return new LiveDrawing.Picture(copies.get(0).chart(smoothed), state);
        }
        ChartGrid g = grid.settingsCopy();
        for (Panel p : copies) {
            g.add(p.chart(smoothed));
        }
        return new LiveDrawing.Picture(g, "panel " + copies.size() + ", " + state);
    }

    /** One chart's settings and its series so far, in the order they came. */
    private record Panel(LineChart settings, Map<String, Points> series) {
        Panel(LineChart settings) {
            this(settings, new LinkedHashMap<>());
        }

        Points points(String name, boolean dashed) {
            Points p = series.get(name);
            if (p == null) {
                p = new Points(dashed);
                series.put(name, p);
            }
            return p;
        }

        Panel copy() {
            Map<String, Points> copies = new LinkedHashMap<>();
            series.forEach((name, p) -> copies.put(name, p.copy()));
            return new Panel(settings.settingsCopy(), copies);
        }

        LineChart chart(boolean smoothed) {
            LineChart c = settings.settingsCopy();
            series.forEach((name, p) -> c.addSeries(name, p.x(), smoothed && p.n >= Smoothing.WINDOW_LEN
                    ? Smoothing.smoothCurve(p.y()) : p.y(), p.dashed));
            return c;
        }

        /** "iterations 300": the x of the last point added. */
        String state() {
            double last = Double.NaN;
            for (Points p : series.values()) {
                last = p.n == 0 ? last : p.x[p.n - 1];
            }
            return settings.xLabel() + " " + (last == Math.rint(last) ? String.valueOf((long) last) : last);
        }
    }

    /** A growing series of points. */
    private static final class Points {
        final boolean dashed;
        double[] x = new double[64];
        double[] y = new double[64];
        int n;

        Points(boolean dashed) {
            this.dashed = dashed;
        }

        void add(double xi, double yi) {
            if (n == x.length) {
                x = Arrays.copyOf(x, 2 * n);
                y = Arrays.copyOf(y, 2 * n);
            }
            x[n] = xi;
            y[n] = yi;
            n++;
        }

        double[] x() {
            return Arrays.copyOf(x, n);
        }

        double[] y() {
            return Arrays.copyOf(y, n);
        }

        Points copy() {
            Points p = new Points(dashed);
            p.x = x();
            p.y = y();
            p.n = n;
            return p;
        }
    }
}
