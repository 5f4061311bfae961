package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.Mnist;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNet;
import dlfs.optimizer.Optimizer;
import dlfs.testing.Console;
import dlfs.testing.RealMnist;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** optimizer_compare_mnist.py at reduced size (300 iterations) on the real MNIST files (see RealMnist). */
class OptimizerCompareMnistTest {
    private static Path dir;
    private static Mnist mnist;

    @TempDir
    Path figures;

    @BeforeAll
    static void loadMnist() {
        dir = RealMnist.dir();
        mnist = RealMnist.load();
    }

    private static Map<String, double[]> train(long seed, int iterations, List<String> printed) {
        Rng rng = new Rng(seed);
        Map<String, Optimizer> optimizers = OptimizerCompareMnist.optimizers();
        Map<String, MultiLayerNet> networks = OptimizerCompareMnist.networks(optimizers, rng);
        return OptimizerCompareMnist.train(networks, optimizers, mnist.train(), iterations, rng, printed::add);
    }

    private static double mean(double[] loss, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += loss[i];
        }
        return sum / (to - from);
    }

    @Test
    void everyOptimizerLowersTheLossAndAdamAndAdaGradEndBelowSgd() {   // figure 6-9 at 300 iterations
        List<String> printed = new ArrayList<>();
        Map<String, double[]> loss = train(OptimizerCompareMnist.SEED, 300, printed);
        assertThat(loss.keySet()).containsExactly("SGD", "Momentum", "AdaGrad", "Adam");
        for (Map.Entry<String, double[]> e : loss.entrySet()) {
            double[] l = e.getValue();
            assertThat(l).hasSize(300);
            assertThat(mean(l, 290, 300)).as(e.getKey()).isLessThan(0.5 * mean(l, 0, 10));
        }
        double sgd = mean(loss.get("SGD"), 250, 300);
        assertThat(mean(loss.get("Adam"), 250, 300)).as("Adam vs SGD").isLessThan(0.5 * sgd);
        assertThat(mean(loss.get("AdaGrad"), 250, 300)).as("AdaGrad vs SGD").isLessThan(0.5 * sgd);

        // the book's console lines: a header every 100 iterations, then "key:loss" of that iteration
        assertThat(printed).hasSize(3 * 5);
        assertThat(printed.get(0)).isEqualTo("===========iteration:0===========");
        assertThat(printed.get(1)).isEqualTo("SGD:" + loss.get("SGD")[0]).startsWith("SGD:2.");
        assertThat(printed.get(4)).isEqualTo("Adam:" + loss.get("Adam")[0]);
        assertThat(printed.get(10)).isEqualTo("===========iteration:200===========");
        assertThat(printed.get(12)).isEqualTo("Momentum:" + loss.get("Momentum")[200]);
    }

    @Test
    void sameSeedGivesIdenticalSeriesAndAnotherSeedOthers() {
        Map<String, double[]> first = train(5, 20, new ArrayList<>());
        Map<String, double[]> second = train(5, 20, new ArrayList<>());
        for (String key : first.keySet()) {
            assertThat(second.get(key)).as(key).containsExactly(first.get(key));
        }
        assertThat(train(6, 20, new ArrayList<>()).get("Adam")).isNotEqualTo(first.get("Adam"));
    }

    @Test
    void mainPrintsTestAccuraciesAndWritesTheFigure() {
        String old = System.getProperty("dlfs.mnist.dir");
        System.setProperty("dlfs.mnist.dir", dir.toString());
        try {
            String out = Console.run(() -> OptimizerCompareMnist.main(new String[] {"--iterations", "20"}), figures);
            assertThat(out).startsWith("===========iteration:0===========")
                    .containsPattern("SGD test accuracy: 0\\.\\d{4}")
                    .containsPattern("Adam test accuracy: 0\\.\\d{4}")
                    .contains("figure: " + figures.resolve("optimizer_compare_mnist.png"));
            assertThat(figures.resolve("optimizer_compare_mnist.png")).exists();
        } finally {
            if (old == null) {
                System.clearProperty("dlfs.mnist.dir");
            } else {
                System.setProperty("dlfs.mnist.dir", old);
            }
        }
    }
}
