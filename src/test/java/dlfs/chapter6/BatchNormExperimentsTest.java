package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.WeightInit;
import dlfs.testing.RealMnist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BatchNormCompare and BatchNormGradientCheck at reduced size (300 images, few epochs, small nets). */
class BatchNormExperimentsTest {
    private static final int N = 300;

    private static MnistSet train() {
        return RealMnist.load().train().first(N);
    }

    @Test
    void batchNormLearnsFasterAtASmallWeightScale() {
        MnistSet train = train();
        BatchNormCompare.Result r = BatchNormCompare.train(train.images(0, N), train.labels(0, N), 0.01, 5,
                new Rng(1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(r.divergedEpoch()).isEqualTo(-1);
        assertThat(r.bnTrainAccList()).hasSize(5);
        assertThat(r.bnTrainAccList()[4]).isGreaterThan(r.trainAccList()[4] + 0.2);
    }

    @Test
    void divergenceToNaNIsReportedAndAccuracyIsTheShareOfLabelZero() {
        MnistSet train = train();
        int[] t = train.labels(0, N);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BatchNormCompare.Result r = BatchNormCompare.train(train.images(0, N), t, 1.0, 3, new Rng(1),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(r.divergedEpoch()).isBetween(0, 2);
        double zeros = 0;
        for (int label : t) {
            zeros += label == 0 ? 1 : 0;
        }
        assertThat(r.trainAccList()[2]).isEqualTo(zeros / N);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("warning: W:1.0 without batch norm diverged to NaN");
    }

    @Test
    void logspaceIsNumpys() {
        double[] w = BatchNormCompare.logspace(0, -4, 16);
        assertThat(w[0]).isEqualTo(1.0);
        assertThat(w[15]).isCloseTo(1e-4, within(1e-18));
        assertThat(w[1]).isCloseTo(0.5411695265464637, within(1e-15));
        assertThat(BatchNormCompare.format(w[1])).isEqualTo("0.541");
        assertThat(BatchNormCompare.format(1.0)).isEqualTo("1.0");
    }

    /** batch_norm_gradient_check.py with smaller hidden layers: backprop equals the numerical gradient. */
    @Test
    void gradientCheckOnThreeImagesIsTiny() {
        MnistSet train = train();
        MultiLayerNetExtend net = MultiLayerNetExtend.withBatchnorm(784, new int[] {20, 20}, 10, WeightInit.HE,
                true, new Rng(3));
        Map<String, Double> diffs = BatchNormGradientCheck.meanAbsDiff(net, train.images(0, 3), train.labels(0, 3));
        assertThat(diffs.keySet()).containsExactly("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2",
                "W3", "b3");
        diffs.forEach((key, diff) -> assertThat(diff).as(key).isLessThan(1e-6));
    }

    /** With 1 image the last β sits on a ReLU kink: only there do backprop and central difference disagree. */
    @Test
    void gradientCheckOnOneImageDiffersOnlyAtTheReluKink() {
        MnistSet train = train();
        MultiLayerNetExtend net = MultiLayerNetExtend.withBatchnorm(784, new int[] {20, 20}, 10, WeightInit.HE,
                true, new Rng(3));
        Matrix x = train.images(0, 1);
        Map<String, Double> diffs = BatchNormGradientCheck.meanAbsDiff(net, x, train.labels(0, 1));
        diffs.forEach((key, diff) -> {
            if (key.equals("beta2")) {
                assertThat(diff).as(key).isGreaterThan(1e-4);
            } else {
                assertThat(diff).as(key).isLessThan(1e-6);
            }
        });
    }
}
