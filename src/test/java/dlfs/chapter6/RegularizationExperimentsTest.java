package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.Mnist;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.RealMnist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OverfitWeightDecay and OverfitDropout at reduced size: 300 training images as in the book, 300 test images,
 * 60 epochs. Both runs of a comparison use the same seed (same initial weights and mini-batches).
 */
class RegularizationExperimentsTest {
    private static final int EPOCHS = 60;
    private static Matrix xTrain, xTest;
    private static int[] tTrain, tTest;

    @BeforeAll
    static void load() {
        Mnist mnist = RealMnist.load();
        xTrain = mnist.train().images(0, 300);
        tTrain = mnist.train().labels(0, 300);
        xTest = mnist.test().images(0, 300);
        tTest = mnist.test().labels(0, 300);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Mean train − test accuracy over the last 20 epochs. */
    private static double lateGap(OverfitWeightDecay.Result r) {
        double gap = 0;
        int n = r.trainAccList().length;
        for (int e = n - 20; e < n; e++) {
            gap += (r.trainAccList()[e] - r.testAccList()[e]) / 20;
        }
        return gap;
    }

    @Test
    void weightDecayNarrowsTheTrainTestGap() {
        OverfitWeightDecay.Result none = OverfitWeightDecay.train(xTrain, tTrain, xTest, tTest, 0.0, EPOCHS,
                new Rng(5), quiet());
        OverfitWeightDecay.Result decay = OverfitWeightDecay.train(xTrain, tTrain, xTest, tTest, 0.1, EPOCHS,
                new Rng(5), quiet());
        assertThat(none.trainAccList()).hasSize(EPOCHS);
        assertThat(none.trainAccList()[EPOCHS - 1]).as("overfits: train accuracy well above test").isGreaterThan(none.testAccList()[EPOCHS - 1] + 0.15);
        assertThat(lateGap(decay)).isLessThan(lateGap(none) - 0.03);
    }

    @Test
    void dropoutNarrowsTheTrainTestGap() {
        OverfitWeightDecay.Result none = OverfitDropout.train(xTrain, tTrain, xTest, tTest, false, EPOCHS,
                new Rng(6), false, quiet());
        OverfitWeightDecay.Result dropout = OverfitDropout.train(xTrain, tTrain, xTest, tTest, true, EPOCHS,
                new Rng(6), false, quiet());
        assertThat(none.testAccList()).hasSize(EPOCHS);
        assertThat(lateGap(dropout)).isLessThan(lateGap(none) - 0.03);
    }

    @Test
    void figureNamesFollowTheIssue() {
        assertThat(OverfitWeightDecay.format(0)).isEqualTo("0");
        assertThat(OverfitWeightDecay.format(0.1)).isEqualTo("0.1");
    }
}
