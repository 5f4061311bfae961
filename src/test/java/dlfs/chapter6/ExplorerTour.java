package dlfs.chapter6;

import dlfs.chapter6.WeightInitExplorer.Init;
import dlfs.chapter6.WeightInitExplorer.Settings;
import dlfs.network.Activation;
import dlfs.window.Explorer;
import dlfs.window.Frames;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a main that draws WeightInitExplorer's window, as the reader would see it, moving from sigmoid with
 * σ = 1 down the σ slider to 0.01, to Xavier, then ReLU with σ = 0.01, Xavier and He, one frame each, into
 * -Ddlfs.frames=DIR (headless works). FramesToGif turns them into the README's animation:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.chapter6.ExplorerTour \
 *     -Djava.awt.headless=true -Ddlfs.frames=/tmp/tour
 * </pre>
 */
public final class ExplorerTour {
    private ExplorerTour() {
    }

    public static void main(String[] args) {
        Settings s = new Settings(Activation.SIGMOID, Init.STD, 1, 5, 100, 0);
        List<Settings> tour = new ArrayList<>();
        for (int k = 0; k <= 8; k++) {
            tour.add(s.withStd(Math.pow(10, -k / 4.0)));                // σ = 1, 0.56, 0.32, …, 0.01
        }
        tour.add(s.with(Init.XAVIER));
        tour.add(s.with(Activation.RELU).withStd(0.01));
        tour.add(s.with(Activation.RELU).with(Init.XAVIER));
        tour.add(s.with(Activation.RELU).with(Init.HE));
        Explorer<Settings> explorer = new Explorer<>("WeightInitExplorer", tour.get(0), WeightInitExplorer::figure,
                WeightInitExplorer::controls);
        for (Settings step : tour) {
            System.out.println(Frames.write(explorer.render(step)));
        }
    }
}
