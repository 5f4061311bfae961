package dlfs.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The path of optimizer_compare_naive.py and the remaster's show_optimizer_*.py on f(x, y) = x²/20 + y². The
 * positions after updates 1, 2 and 30 are numpy's, as src/test/resources/reference/optimizer_steps.py prints them
 * (the book's update rules from (−7, 2)); the same doubles, bit for bit.
 */
class OptimizerPathTest {
    @Test
    void fAndItsGradientAtTheStart() {
        assertThat(OptimizerPath.f(-7, 2)).isEqualTo(49 / 20.0 + 4);          // 6.45
        assertThat(OptimizerPath.df(-7, 2)).containsExactly(-0.7, 4.0);         // (x/10, 2y)
    }

    @Test
    void theHistoryStartsAtInitPosAndHoldsEveryUpdate() {
        double[][] h = OptimizerPath.history(new SGD(0.95), 30);
        assertThat(h[0]).hasSize(31).startsWith(-7.0);
        assertThat(h[1]).hasSize(31).startsWith(2.0);
    }

    @Test
    void updates1And2And30AreNumpysDoubles() {
        assertSteps(new SGD(0.95), -6.335, -1.7999999999999998, -5.733175, 1.6199999999999997,
                -0.3503929957523197, 0.0847823165504322);
        assertSteps(new Momentum(0.1), -6.93, 1.6, -6.7977, 0.9199999999999999,
                0.896413858493733, 0.08808560171506971);
        assertSteps(new AdaGrad(1.5), -5.500000214285683, 0.5000000374999991, -4.573267968164272, 0.13619658308878757,
                -0.12016232231416045, 2.486389893984459e-17);
        assertSteps(new Adam(0.3), -6.700001355255732, 1.700000237170637, -6.400416624043272, 1.4022457408988034,
                0.13600685239498186, 0.31824537553721943);
    }

    private static void assertSteps(Optimizer optimizer, double x1, double y1, double x2, double y2, double x30,
            double y30) {
        double[][] h = OptimizerPath.history(optimizer, 30);
        assertThat(new double[] {h[0][1], h[1][1], h[0][2], h[1][2], h[0][30], h[1][30]}).as("%s", optimizer)
                .containsExactly(x1, y1, x2, y2, x30, y30);
    }
}
