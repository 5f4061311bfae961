package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.MnistSet;
import dlfs.network.SimpleConvNet;
import dlfs.optimizer.Adam;
import dlfs.testing.RealMnist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TrainConvnet's steps (book §7.5: SimpleConvNet, Adam lr 0.001, batch 100, seed 0) on real MNIST give the same
 * losses and the same learned filters to the last bit on two threads, on three, on one, and with the textbook
 * triple loops ({@code -Ddlfs.matmul=naive}): the products' order of addition never depends on the switches.
 */
class ConvNetSwitchesTest {
    private static final int STEPS = 3;

    @AfterEach
    void restoreSwitches() {
        MatMul.rereadSwitches();
    }

    @Test
    void lossesAndFiltersAreBitIdenticalForAnyThreadCountAndWithTheTextbookLoops() {
        long[] twoThreads = run(false, 2);
        assertThat(run(false, 3)).as("-Ddlfs.threads=3").containsExactly(twoThreads);
        assertThat(run(false, 1)).as("-Ddlfs.threads=1").containsExactly(twoThreads);
        assertThat(run(true, 1)).as("-Ddlfs.matmul=naive -Ddlfs.threads=1").containsExactly(twoThreads);
    }

    /** The bits of the loss after each of the first STEPS steps, then of every weight of W1. */
    private static long[] run(boolean naive, int threads) {
        MatMul.setNaive(naive);
        MatMul.setThreads(threads);
        MnistSet train = RealMnist.load().train();
        Rng rng = new Rng(0);
        SimpleConvNet network = new SimpleConvNet(rng);
        Adam optimizer = new Adam(0.001);
        long[] bits = new long[STEPS + 750];
        for (int i = 0; i < STEPS; i++) {
            int[] batchMask = rng.choice(train.size(), 100);
            Matrix x = train.images(batchMask);
            int[] t = train.labels(batchMask);
            optimizer.update(network.params(), network.gradient(x, t));
            bits[i] = Double.doubleToRawLongBits(network.loss(x, t));
        }
        double[] W1 = network.params().get("W1").flatten();
        for (int k = 0; k < W1.length; k++) {
            bits[STEPS + k] = Double.doubleToRawLongBits(W1[k]);
        }
        return bits;
    }
}
