package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.matrix.MatMul;
import dlfs.testing.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiments beyond the book show what their README sections claim; the search gives one result for any thread count. */
@Tag("book")
class BeyondTheBookTest {
    @TempDir
    Path figures;

    @Test
    void equalInitialWeightsStayEqualWhileHeWeightsDiffer() {
        String out = Console.run(WeightInitZeroSymmetry.SCRIPT, figures, "--iterations", "30");
        assertThat(out).contains("zero: distinct weight columns in W1..W4: [1, 1, 1, 1]",
                "constant=0.01: distinct weight columns in W1..W4: [1, 1, 1, 1]",
                "He: distinct weight columns in W1..W4: [100, 100, 100, 100]");
        assertThat(figures.resolve("weight_init_zero_symmetry-iterations30.png")).exists();
    }

    @Test
    void sigmoidGradientsShrinkTowardTheInputWhileHeKeepsTheHiddenLayersWithinAFactorOfTwo() {
        String out = Console.run(WeightInitGradientFlow.SCRIPT, figures);
        List<String> lines = out.lines().toList();
        double[] xavier = meanAbs(lines, "sigmoid Xavier: mean |dW|");
        double[] he = meanAbs(lines, "relu He: mean |dW|");
        for (int l = 0; l < 4; l++) {                    // W1..W4; W5 feeds the 10 outputs and is larger
            assertThat(he[l] / he[0]).as("He W%d / W1", l + 1).isBetween(0.5, 2.0);
            assertThat(xavier[l] / xavier[l + 1]).as("sigmoid Xavier W%d / W%d", l + 1, l + 2).isLessThan(0.25);
        }
    }

    private static double[] meanAbs(List<String> lines, String prefix) {
        String line = lines.stream().filter(s -> s.startsWith(prefix)).findFirst().orElseThrow();
        double[] v = new double[5];
        for (int l = 0; l < 5; l++) {
            String key = String.format(Locale.ROOT, "W%d=", l + 1);
            int at = line.indexOf(key) + key.length();
            v[l] = Double.parseDouble(line.substring(at, line.indexOf(' ', at) < 0 ? line.length() : line.indexOf(' ', at)));
        }
        return v;
    }

    @Test
    void theSearchPrintsTheSameWithOneAndTwoThreads() {
        String[] args = {"--trials", "4", "--epochs", "3"};
        int saved = MatMul.threads();
        try {
            MatMul.setThreads(1);
            String one = Console.run(HyperparameterOptimization.SCRIPT, figures, args);
            MatMul.setThreads(2);
            String two = Console.run(HyperparameterOptimization.SCRIPT, figures, args);
            assertThat(two).isEqualTo(one).contains("Best-4(val acc:");
        } finally {
            MatMul.setThreads(saved);
        }
    }
}
