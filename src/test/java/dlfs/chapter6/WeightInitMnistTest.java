package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.Mnist;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.testing.RealMnist;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The §6.2 MNIST experiments at reduced size on the real MNIST files (see RealMnist). */
class WeightInitMnistTest {
    private static Mnist mnist;

    @BeforeAll
    static void loadMnist() {
        mnist = RealMnist.load();
    }

    private static Map<String, MultiLayerNet> compareNetworks(Rng rng) {
        Map<String, MultiLayerNet> networks = new LinkedHashMap<>();
        for (Map.Entry<String, WeightInit> e : WeightInitCompare.weightInitTypes().entrySet()) {
            networks.put(e.getKey(), new MultiLayerNet(784, WeightInitCompare.HIDDEN_SIZE_LIST, 10, Activation.RELU,
                    e.getValue(), 0, rng));
        }
        return networks;
    }

    private static double meanOfLast(double[] loss, int n) {
        double sum = 0;
        for (int i = loss.length - n; i < loss.length; i++) {
            sum += loss[i];
        }
        return sum / n;
    }

    @Test
    void std001StaysAtLn10WhileXavierAndHeLearn() {   // figure 6-15 at 300 iterations
        Rng rng = new Rng(WeightInitCompare.SEED);
        Map<String, double[]> loss = WeightInitCompare.train(compareNetworks(rng), mnist.train(), 300, 0, rng);
        assertThat(loss.keySet()).containsExactly("std=0.01", "Xavier", "He");
        assertThat(meanOfLast(loss.get("std=0.01"), 50)).isBetween(2.28, 2.31);
        // at 300 iterations Xavier has only started to fall (figure 6-15), He is far down
        assertThat(meanOfLast(loss.get("Xavier"), 50)).isLessThan(2.2);
        assertThat(meanOfLast(loss.get("He"), 50)).isLessThan(1.0);
    }

    @Test
    void sameSeedGivesAnIdenticalLossSeries() {
        Rng a = new Rng(5);
        Rng b = new Rng(5);
        Map<String, double[]> first = WeightInitCompare.train(compareNetworks(a), mnist.train(), 20, 0, a);
        Map<String, double[]> second = WeightInitCompare.train(compareNetworks(b), mnist.train(), 20, 0, b);
        for (String key : first.keySet()) {
            assertThat(second.get(key)).as(key).containsExactly(first.get(key));
        }
        Rng c = new Rng(6);
        assertThat(WeightInitCompare.train(compareNetworks(c), mnist.train(), 20, 0, c).get("He"))
                .as("another seed gives other numbers").isNotEqualTo(first.get("He"));
    }

    @Test
    void equalInitialWeightsGiveIdenticalColumnsAfterTraining() {   // §6.2.1
        Rng rng = new Rng(3);
        Map<String, MultiLayerNet> networks = WeightInitZeroSymmetry.networks(rng);
        WeightInitCompare.train(networks, mnist.train(), 30, 0, rng);
        assertThat(WeightInitZeroSymmetry.distinctColumns(networks.get("zero"))).containsExactly(1, 1, 1, 1);
        MultiLayerNet constant = networks.get("constant=0.01");
        assertThat(WeightInitZeroSymmetry.distinctColumns(constant)).containsExactly(1, 1, 1, 1);
        for (int l = 1; l <= 4; l++) {
            Matrix W = constant.params.get("W" + l);
            int moved = 0;
            for (double[] row : W.data) {
                for (double v : row) {
                    assertThat(v).isEqualTo(row[0]);   // every column equal: each row holds one value
                }
                moved += row[0] != WeightInitZeroSymmetry.CONSTANT ? 1 : 0;
            }
            assertThat(moved).as("rows of W%d that moved away from the constant", l).isGreaterThan(W.rows / 2);
        }
        assertThat(WeightInitZeroSymmetry.distinctColumns(networks.get("He"))).containsExactly(100, 100, 100, 100);
    }

    @Test
    void gradientsVanishTowardTheInputForSigmoidAndEverywhereForReluStd001ButNotForHe() {
        Rng rng = new Rng(8);
        int[] batchMask = rng.choice(mnist.train().size(), 128);
        Matrix x = mnist.train().images(batchMask);
        int[] t = mnist.train().labels(batchMask);
        Map<String, WeightInitActivationHistogram.Setting> settings = WeightInitGradientFlow.settings();
        assertThat(settings.keySet()).containsExactly("sigmoid std=1", "sigmoid Xavier", "relu std=0.01", "relu Xavier", "relu He");
        Map<String, double[]> meanAbs = new LinkedHashMap<>();
        for (Map.Entry<String, WeightInitActivationHistogram.Setting> e : settings.entrySet()) {
            meanAbs.put(e.getKey(), WeightInitGradientFlow.meanAbsGradients(e.getValue(), x, t, new Rng(9)));
            assertThat(meanAbs.get(e.getKey())).as(e.getKey()).hasSize(5);
        }
        for (String sigmoid : new String[] {"sigmoid std=1", "sigmoid Xavier"}) {
            assertThat(meanAbs.get(sigmoid)[0]).as("%s: W1 vs W5", sigmoid).isLessThan(0.1 * meanAbs.get(sigmoid)[4]);
        }
        double[] he = meanAbs.get("relu He");
        double[] small = meanAbs.get("relu std=0.01");
        for (int l = 0; l < 5; l++) {
            assertThat(small[l]).as("W%d: relu std=0.01 vs He", l + 1).isLessThan(1e-3 * he[l]);
            assertThat(he[l]).as("W%d vs W5: relu He", l + 1).isGreaterThan(0.05 * he[4]);
        }
    }
}
