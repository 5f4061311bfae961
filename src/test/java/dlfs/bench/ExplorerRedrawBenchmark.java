package dlfs.bench;

import dlfs.chapter6.WeightInitExplorer;
import java.util.Locale;

/**
 * Not a test: how long WeightInitExplorer takes to redraw after a control changes, as its drawing thread does it
 * (forward through the layers, the histograms, one backward pass, both charts drawn into one image), for the
 * book's setting and larger ones. Prints min and median ms per redraw after a warm-up.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.ExplorerRedrawBenchmark \
 *     -Djava.awt.headless=true
 * </pre>
 */
public final class ExplorerRedrawBenchmark {
    private ExplorerRedrawBenchmark() {
    }

    public static void main(String[] args) {
        String[][] settings = {
            {"--activation", "sigmoid", "--init", "std=1"},                          // the book's, figure 6-10
            {"--activation", "relu", "--init", "he"},                                // figure 6-14, bottom
            {"--activation", "relu", "--init", "he", "--layers", "10"},
            {"--activation", "tanh", "--init", "xavier", "--nodes", "300"},
        };
        System.out.printf(Locale.ROOT, "JDK %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (String[] s : settings) {
            Runnable redraw = () -> WeightInitExplorer.figure(s).image();
            Timing t = Timing.measure(redraw, 9, 1, 3000);
            System.out.printf(Locale.ROOT, "%-60s min %6.1f ms, median %6.1f ms per redraw%n", String.join(" ", s),
                    t.minMs, t.medianMs);
        }
    }
}
