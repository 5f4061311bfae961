package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.MnistSet;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import dlfs.testing.RealMnist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's switches for stepping through a gradient, {@code -Ddlfs.matmul=naive} and
 * {@code -Ddlfs.threads=1}, change only the speed: the He network of WeightInitCompare (book §6.2.4), trained
 * on real MNIST batches, prints the same losses to the last bit with the fast path on two threads, on one
 * thread, and with the textbook triple loops.
 */
@Tag("book")
class SteppingSwitchesTest {
    private static final int ITERATIONS = 20;

    @AfterEach
    void restoreSwitches() {
        MatMul.rereadSwitches();
    }

    @Test
    void trainingLossesAreBitIdenticalWithTheTextbookLoopsAndOnOneThread() {
        long[] twoThreads = losses(false, 2);
        assertThat(losses(false, 1)).as("-Ddlfs.threads=1").containsExactly(twoThreads);
        assertThat(losses(true, 1)).as("-Ddlfs.matmul=naive -Ddlfs.threads=1").containsExactly(twoThreads);
    }

    /** The bits of the loss after each of the first ITERATIONS SGD updates (lr 0.01, batch 128, seed 0). */
    private static long[] losses(boolean naive, int threads) {
        MatMul.setNaive(naive);
        MatMul.setThreads(threads);
        MnistSet train = RealMnist.load().train();
        Rng rng = new Rng(0);
        MultiLayerNet network = new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, Activation.RELU,
                WeightInit.HE, 0, rng);
        SGD optimizer = new SGD(0.01);
        long[] bits = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            int[] batchMask = train.randomBatch(rng, 128);
            Matrix x = train.images(batchMask);
            int[] t = train.labels(batchMask);
            optimizer.update(network.params, network.gradient(x, t));
            bits[i] = Double.doubleToRawLongBits(network.loss(x, t));
        }
        return bits;
    }
}
