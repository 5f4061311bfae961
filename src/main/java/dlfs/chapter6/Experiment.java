package dlfs.chapter6;

import dlfs.plot.ChartGrid;
import dlfs.plot.PngFiles;
import dlfs.util.UserError;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/**
 * How every experiment starts, from its own main or from the launcher: {@code --help} prints what it does and
 * its options; the options are checked, and the figures folder proven writable, before any work; a user error
 * (a bad option, MNIST missing with no network, an unwritable folder) is one line on stderr and exit status 2,
 * never a stack trace. Any other exception is a bug and keeps its stack trace.
 */
final class Experiment {
    /** The body of an experiment: the book's script, given its checked options. */
    interface Script {
        void run(Options.Values options);
    }

    private Experiment() {
    }

    /** For an experiment's {@code main}: runs it and exits with status 2 after a user error. */
    static void main(Options options, Script script, String[] args) {
        int status = run(options, script, args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs it without exiting: returns 0, or 2 after printing a user error on {@code err}. */
    static int run(Options options, Script script, String[] args, PrintStream out, PrintStream err) {
        try {
            if (Options.wantsHelp(args)) {
                out.print(options.help());
                return 0;
            }
            Options.Values values = options.parse(args);
            prepare(options);
            script.run(values);
            return 0;
        } catch (UserError e) {
            err.println(options.experiment + ": " + e.getMessage());
            return 2;
        }
    }

    /** Before any training: an experiment that draws figures needs a folder it can write them into. */
    static void prepare(Options options) {
        if (options.writesFigures()) {
            PngFiles.requireWritable();
        }
    }

    /**
     * The book's {@code plt.savefig} and {@code plt.show()}: writes figures/NAME.png (NAME carrying any option
     * that differs from its default), prints its absolute path, and with --show also opens it in a window.
     */
    static Path saveFigure(Options.Values options, String name, JFreeChart chart, int width, int height) {
        Path png = PngFiles.save(chart, options.figureName(name), width, height);
        System.out.println("figure: " + png.toAbsolutePath());
        PngFiles.showIfAsked(chart, name, showArgs(options), width, height);
        return png;
    }

    /** {@link #saveFigure} for a grid of panels (the book's {@code plt.subplot}). */
    static Path saveFigure(Options.Values options, String name, ChartGrid grid) {
        Path png = grid.save(options.figureName(name));
        System.out.println("figure: " + png.toAbsolutePath());
        grid.showIfAsked(name, showArgs(options));
        return png;
    }

    private static String[] showArgs(Options.Values options) {
        return options.flag("show") ? new String[] {"--show"} : new String[0];
    }
}
