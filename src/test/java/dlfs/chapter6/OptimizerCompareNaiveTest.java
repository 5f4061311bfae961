package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dlfs.optimizer.Optimizer;
import dlfs.optimizer.OptimizerPath;
import dlfs.testing.Console;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** optimizer_compare_naive.py: the four paths on f(x, y) = x²/20 + y² (figure 6-8). */
class OptimizerCompareNaiveTest {
    @TempDir
    Path dir;

    @Test
    void everyOptimizerEndsCloserToTheMinimumThanItStarted() {
        double start = OptimizerPath.f(-7, 2);   // 49/20 + 4 = 6.45
        for (Map.Entry<String, Optimizer> e : OptimizerCompareNaive.optimizers().entrySet()) {
            double[][] h = OptimizerPath.history(e.getValue(), 30);
            assertThat(h[0]).hasSize(31);
            assertThat(h[0][0]).isEqualTo(-7.0);
            assertThat(h[1][0]).isEqualTo(2.0);
            double x = h[0][30], y = h[1][30];
            assertThat(Math.hypot(x, y)).as(e.getKey()).isLessThan(Math.hypot(-7, 2) / 5);
            assertThat(OptimizerPath.f(x, y)).as(e.getKey()).isLessThan(start / 50);
        }
    }

    @Test
    void sgdZigZagsAcrossTheValleyWhileAdaGradDoesNot() {
        // SGD(0.95) multiplies y by 1 − 0.95·2 = −0.9 each step: the sign of y flips every time (figure 6-3)
        double[] ySgd = OptimizerPath.history(OptimizerCompareNaive.optimizers().get("SGD"), 30)[1];
        for (int i = 0; i < 30; i++) {
            assertThat(ySgd[i + 1]).isCloseTo(-0.9 * ySgd[i], within(1e-12));
        }
        double[] yAdaGrad = OptimizerPath.history(OptimizerCompareNaive.optimizers().get("AdaGrad"), 30)[1];
        for (double y : yAdaGrad) {
            assertThat(y).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void mainPrintsTheFinalPositionsAndWritesTheFigure() {
        String out = Console.run(() -> OptimizerCompareNaive.main(new String[0]), dir);
        // values from src/test/resources/reference/optimizer_steps.py (step 30)
        assertThat(out).contains("SGD:", "(x, y) = (-0.350393, 0.084782)")
                .contains("Momentum:", "(x, y) = (0.896414, 0.088086)")
                .contains("AdaGrad:", "(x, y) = (-0.120162, 0.000000)")
                .contains("Adam:", "(x, y) = (0.136007, 0.318245)")
                .contains("figure: " + dir.resolve("optimizer_compare_naive.png"));
        assertThat(dir.resolve("optimizer_compare_naive.png")).exists();
    }
}
