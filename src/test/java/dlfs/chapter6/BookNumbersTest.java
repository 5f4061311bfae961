package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.dataset.MnistSet;
import dlfs.launch.Script;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.WeightInit;
import dlfs.testing.RealMnist;
import dlfs.util.Py;
import dlfs.testing.BookLines;
import dlfs.testing.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With seed 0 each experiment prints what the book's script prints after {@code np.random.seed(0)}: the first
 * lines of each, as numpy printed them (the book's scripts run after {@code np.random.seed(0)}), in shortened runs. Text must be identical; numbers may differ by 1e-12 relative (numpy's
 * exp and log differ from Java's by an ulp on a few inputs, and its matrix product sums in another order).
 */
@Tag("book")
class BookNumbersTest {
    @TempDir
    Path figures;

    private String run(Script script, String... args) {
        return Console.run(script, figures, args);
    }

    @Test
    void weightInitCompare() {
        String out = run(WeightInitCompare.SCRIPT, "--iterations", "11");
        BookLines.assertStartsWith(out, "===========iteration:0===========", "std=0.01:2.3024418455538433", "Xavier:2.3091405984758",
                "He:2.369845853757991");
    }

    @Test
    void optimizerCompareMnist() {
        String out = run(OptimizerCompareMnist.SCRIPT, "--iterations", "11");
        BookLines.assertStartsWith(out, "===========iteration:0===========", "SGD:2.3742037448849533",
                "Momentum:2.3589907852765943", "AdaGrad:1.8745360822487276", "Adam:2.2080627658214738");
    }

    @Test
    void overfitWeightDecay() {
        String out = run(OverfitWeightDecay.SCRIPT, "--epochs", "2");
        BookLines.assertStartsWith(out, "epoch:0, train acc:0.12333333333333334, test acc:0.1047",
                "epoch:1, train acc:0.16333333333333333, test acc:0.1286");
    }

    /** The remaster's overfit.py: overfit_weight_decay.py with weight_decay_lambda = 0. */
    @Test
    void overfit() {
        String out = run(Overfit.SCRIPT, "--epochs", "2");
        BookLines.assertStartsWith(out, "epoch:0, train acc:0.12333333333333334, test acc:0.1047",
                "epoch:1, train acc:0.16333333333333333, test acc:0.1289");
    }

    @Test
    void overfitDropout() {
        String out = run(OverfitDropout.SCRIPT, "--epochs", "1");
        BookLines.assertStartsWith(out, "train loss:2.309550632938209");
    }

    /** The remaster's batch_norm_test.py: one pair of networks at weight_scale_list[4] (figure 6-18). */
    @Test
    void batchNormTest() {
        String out = run(BatchNormTest.SCRIPT, "--epochs", "2");
        BookLines.assertStartsWith(out, "epoch:0 | 0.092 - 0.086", "epoch:1 | 0.097 - 0.147");
    }

    /** All 20 lines of the remaster's batch_norm_test.py, as numpy printed them after np.random.seed(0). */
    @Test
    @Tag("book")
    void batchNormTestToTheLastEpoch() {
        String out = run(BatchNormTest.SCRIPT);
        BookLines.assertStartsWith(out, "epoch:0 | 0.092 - 0.086",
                "epoch:1 | 0.097 - 0.147",
                "epoch:2 | 0.106 - 0.301",
                "epoch:3 | 0.121 - 0.426",
                "epoch:4 | 0.119 - 0.547",
                "epoch:5 | 0.124 - 0.614",
                "epoch:6 | 0.137 - 0.668",
                "epoch:7 | 0.148 - 0.716",
                "epoch:8 | 0.153 - 0.755",
                "epoch:9 | 0.166 - 0.784",
                "epoch:10 | 0.174 - 0.817",
                "epoch:11 | 0.19 - 0.83",
                "epoch:12 | 0.211 - 0.847",
                "epoch:13 | 0.237 - 0.859",
                "epoch:14 | 0.253 - 0.877",
                "epoch:15 | 0.288 - 0.89",
                "epoch:16 | 0.286 - 0.895",
                "epoch:17 | 0.308 - 0.903",
                "epoch:18 | 0.319 - 0.913",
                "epoch:19 | 0.338 - 0.919");
        assertThat(out.lines().count()).isEqualTo(21);                  // and the figure's path
    }

    /** The remaster's batch_norm_test_multi.py, the Japanese repository's batch_norm_test.py (figure 6-19). */
    @Test
    void batchNormTestMulti() {
        String out = run(BatchNormTestMulti.SCRIPT, "--epochs", "2");
        BookLines.assertStartsWith(out, "============== 1/16 ==============", "epoch:0 | 0.093 - 0.086", "epoch:1 | 0.097 - 0.107");
    }

    @Test
    void theFirstTrialOfTheHyperparameterSearch() {
        String out = run(HyperparameterOptimization.SCRIPT, "--trials", "1");
        BookLines.assertStartsWith(out, "val acc:0.09 | lr:1.5081662054491436e-06, weight decay:6.909132715896656e-07");
    }

    /** batch_norm_gradient_check.py's check, called directly: its network, x_train[:1], t_train[:1]. */
    @Test
    void batchNormGradientCheckOnTheBooksSingleImage() {
        MnistSet train = RealMnist.load().train();
        MultiLayerNetExtend network = MultiLayerNetExtend.withBatchnorm(784, new int[] {100, 100}, 10, WeightInit.HE,
                true, new Rng(0));
        Map<String, Double> diff = BatchNormGradientCheck.meanAbsDiff(network, train.images(0, 1), train.labels(0, 1));
        List<String> lines = new ArrayList<>();
        diff.forEach((key, d) -> lines.add(key + ":" + Py.str(d)));
        BookLines.assertStartsWith(String.join("\n", lines), "W1:0.0", "b1:0.0", "gamma1:0.0", "beta1:0.0", "W2:0.0", "b2:0.0",
                "gamma2:0.0", "beta2:0.048798892959656115", "W3:0.0", "b3:1.7990402263745597e-07");
    }
}
