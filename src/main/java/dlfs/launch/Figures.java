package dlfs.launch;

import dlfs.plot.Chart;
import dlfs.plot.ChartGrid;
import dlfs.window.Explorer;
import dlfs.plot.Figure;
import dlfs.window.Frames;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import dlfs.plot.PngFiles;
import dlfs.window.Windows;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The book's {@code plt.savefig} and {@code plt.show()} for every script: writes figures/NAME.png (NAME carrying
 * any option that differs from its default), prints its absolute path, and with --show also opens it in a window.
 *
 * <p>With --show a training script's window opens when its training starts ({@link #live}) and its curves grow as
 * it trains; {@link #save} then puts the finished figure in that window. A script run as a main returns once the
 * reader has closed its windows, as {@code plt.show()} blocks; the launcher runs its scripts one after another,
 * leaving each window open, and returns once the reader has closed them all. Without a display, --show says so in
 * one line on stderr and the run goes on; with -Ddlfs.frames=DIR the live windows are drawn all the same, into
 * numbered PNG files in DIR ({@link Frames}).
 */
public final class Figures {
    private static final Map<String, LiveChart> LIVE = new LinkedHashMap<>();   // by figure name, until saved
    private static boolean toldHeadless;

    private Figures() {
    }

    /** Makes sure the figures folder (and with -Ddlfs.frames the frames folder) can be written before any training. */
    static void requireWritable() {
        PngFiles.requireWritable();
        if (Frames.wanted()) {
            Frames.requireWritable();
        }
    }

    /** A chart ({@code chart.size(800, 560)}), a grid of panels (the book's {@code plt.subplot}), or a drawing. */
    public static Path save(Options options, String name, Figure figure) {
        Path png = PngFiles.save(figure, options.figureName(name));
        System.out.println("figure: " + png);
        LiveChart live = LIVE.remove(options.figureName(name));
        if (live != null) {
            live.finish(figure, "done: " + png);
            reportCost(live);
        } else if (options.flag("show") && canShow()) {
            Windows.show(options.scriptName() + ": " + name, figure);
        }
        return png;
    }

    /**
     * As {@link #save(Options, String, Figure)}, but --show opens {@code window} (e.g. one where the reader steps
     * through the updates the figure shows) instead of the figure; it is made only then.
     */
    public static Path save(Options options, String name, Figure figure, Supplier<Explorer<?>> window) {
        Path png = PngFiles.save(figure, options.figureName(name));
        System.out.println("figure: " + png);
        if (options.flag("show") && canShow()) {
            window.get().open();
        }
        return png;
    }

    /** An image drawn pixel by pixel (the book's {@code plt.imshow}). */
    public static Path save(Options options, String name, BufferedImage image) {
        return save(options, name, Figure.of(image));
    }

    /**
     * With --show, a window where {@code chart} (a {@link LineChart}, with its size) grows as the script adds the
     * numbers it records; {@link #save} with the same name later shows the finished figure in it. Without --show
     * the returned chart ignores every call.
     */
    public static LiveChart live(Options options, String name, Chart chart) {
        if (!(chart instanceof LineChart line)) {
            throw new IllegalArgumentException("Figures.live: a live chart is a LineChart, not a "
                    + chart.getClass().getSimpleName());
        }
        return register(options, name, (window, frames) -> LiveChart.of(title(options, name), line, window, frames));
    }

    /** As {@link #live(Options, String, Chart)} for a grid that the script fills panel by panel. */
    public static LiveChart live(Options options, String name, ChartGrid grid) {
        return register(options, name, (window, frames) -> LiveChart.of(title(options, name), grid, window, frames));
    }

    /** As {@link #live(Options, String, Chart)} for figures rebuilt whole as results come in (a ranking). */
    public static LiveChart live(Options options, String name) {
        return register(options, name, (window, frames) -> LiveChart.ofFigures(title(options, name), window, frames));
    }

    private interface Maker {
        LiveChart make(boolean window, boolean frames);
    }

    private static LiveChart register(Options options, String name, Maker maker) {
        if (!options.flag("show") || !(canShow() || Frames.wanted())) {
            return LiveChart.OFF;
        }
        LiveChart live = maker.make(Windows.canShow(), Frames.wanted());
        LiveChart earlier = LIVE.put(options.figureName(name), live);
        if (earlier != null) {
            earlier.finish(null, "");
        }
        return live;
    }

    private static String title(Options options, String name) {
        return options.scriptName() + ": " + name;
    }

    /**
     * Opens an explorer's window; without a display, writes it as a frame with -Ddlfs.frames, or says in one line
     * that there is no display.
     */
    public static void explore(Explorer<?> explorer) {
        if (Windows.canShow()) {
            explorer.open();
        } else if (Frames.wanted()) {
            System.err.println("frame: " + Frames.write(explorer.render()));
        } else {
            System.err.println("no display here (headless): the window cannot open; -Ddlfs.frames=DIR writes it"
                    + " as a PNG file into DIR");
        }
    }

    /** Whether -Ddlfs.frames=DIR asks for the windows' frames as PNG files. */
    public static boolean framesWanted() {
        return Frames.wanted();
    }

    /**
     * At the end of a script run as a main, or of the launcher's run: stops live charts that were never saved, and
     * waits until the reader has closed every window (the book's {@code plt.show()}).
     */
    static void awaitWindows() {
        for (LiveChart live : LIVE.values()) {
            live.finish(null, "");
        }
        LIVE.clear();
        if (Windows.open() > 0) {
            System.err.println("--show: close the window" + (Windows.open() > 1 ? "s" : "") + " to end");
            Windows.awaitClosed();
        }
    }

    /** Whether windows can open here; if not, says so once (on stderr, so the printed numbers stay the same). */
    private static boolean canShow() {
        if (!Windows.canShow() && !toldHeadless) {
            toldHeadless = true;
            System.err.println("--show: no display here (headless), so the figures are only saved"
                    + (Frames.wanted() ? "; the live windows are drawn into the frames folder" : ""));
        }
        return Windows.canShow();
    }

    private static void reportCost(LiveChart live) {
        if (Boolean.getBoolean("dlfs.live.cost")) {
            System.err.println(live.cost());
        }
    }
}
