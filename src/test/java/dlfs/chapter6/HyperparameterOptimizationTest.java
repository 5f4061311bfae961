package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.chapter6.HyperparameterOptimization.Outcome;
import dlfs.chapter6.HyperparameterOptimization.Split;
import dlfs.chapter6.HyperparameterOptimization.Trial;
import dlfs.dataset.Mnist;
import dlfs.matrix.Rng;
import dlfs.testing.RealMnist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The random search at reduced size: 250 images (200 for training: 2 steps per epoch), 6 trials, 4 epochs. */
class HyperparameterOptimizationTest {
    private static Split split(long seed) {
        Mnist mnist = RealMnist.load();
        return Split.of(mnist.train().images(0, 250), mnist.train().labels(0, 250), 0.2, new Rng(seed));
    }

    private static List<Outcome> search(int threads, ByteArrayOutputStream buffer) {
        Rng rng = new Rng(8);
        Split split = split(8);
        List<Trial> trials = HyperparameterOptimization.drawTrials(6, rng);
        return HyperparameterOptimization.search(split, trials, 4, threads,
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    @Test
    void sameResultWithOneAndTwoThreads() {
        ByteArrayOutputStream out1 = new ByteArrayOutputStream(), out2 = new ByteArrayOutputStream();
        List<Outcome> one = search(1, out1), two = search(2, out2);
        assertThat(one).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(two.get(i).trial().key()).isEqualTo(one.get(i).trial().key());
            assertThat(two.get(i).valAccList()).containsExactly(one.get(i).valAccList());
            assertThat(two.get(i).trainAccList()).containsExactly(one.get(i).trainAccList());
            assertThat(one.get(i).valAccList()).hasSize(4);
        }
        assertThat(out2.toString(StandardCharsets.UTF_8)).contains("[6/6 trials done]");
    }

    @Test
    void splitHoldsOutTwentyPercentAfterAShuffle() {
        Split split = split(3);
        assertThat(split.xVal().rows).isEqualTo(50);
        assertThat(split.xTrain().rows).isEqualTo(200);
        int[] first = RealMnist.load().train().labels(0, 50);
        assertThat(split.tVal()).as("shuffled, not the first 50").isNotEqualTo(first);
    }

    @Test
    void hyperparametersAreDrawnInTheBooksRanges() {
        for (Trial t : HyperparameterOptimization.drawTrials(200, new Rng(1))) {
            assertThat(t.weightDecay()).isBetween(1e-8, 1e-4);
            assertThat(t.lr()).isBetween(1e-6, 1e-2);
        }
    }

    @Test
    void rankingUsesValidationNotTrainingAccuracy() {
        Rng rng = new Rng(1);
        Outcome a = new Outcome(new Trial(0, 1e-3, 1e-6, rng), new double[] {0.1, 0.5}, new double[] {0.1, 0.99});
        Outcome b = new Outcome(new Trial(1, 1e-2, 1e-6, rng), new double[] {0.2, 0.8}, new double[] {0.1, 0.85});
        Outcome c = new Outcome(new Trial(2, 1e-4, 1e-6, rng), new double[] {0.3, 0.6}, new double[] {0.1, 0.70});
        assertThat(HyperparameterOptimization.rank(List.of(a, b, c))).containsExactly(b, c, a);
    }
}
