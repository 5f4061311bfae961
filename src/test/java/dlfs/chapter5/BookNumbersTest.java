package dlfs.chapter5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dlfs.launch.Script;
import dlfs.testing.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each main prints what its ch05 script prints: buy_apple.py and buy_apple_orange.py word for word,
 * train_neuralnet.py's first accuracy lines identically (as numpy 2.4.6 printed them after np.random.seed(0)),
 * and gradient_check.py's four differences to 1e-3 of numpy's.
 */
class BookNumbersTest {
    @TempDir
    Path figures;

    private List<String> run(Script script, String... args) {
        return Console.run(script, figures, args).lines().toList();
    }

    @Test
    void buyApple() {
        assertThat(run(BuyApple.SCRIPT)).startsWith("price: 220", "dApple: 2.2", "dApple_num: 110", "dTax: 200")
                .hasSize(5).last().asString().startsWith("figure: ").endsWith("buy_apple.png");
        assertThat(figures.resolve("buy_apple.png")).exists();
    }

    @Test
    void buyAppleOrange() {
        assertThat(run(BuyAppleOrange.SCRIPT)).startsWith("price: 715", "dApple: 2.2", "dApple_num: 110",
                "dOrange: 3.3000000000000003", "dOrange_num: 165", "dTax: 650").hasSize(7);
        assertThat(figures.resolve("buy_apple_orange.png")).exists();
    }

    /** The first two of the script's 17 lines: after iteration 0 and after iteration 600. */
    @Test
    @Tag("book")
    void trainNeuralnetsFirstEpoch() throws Exception {
        assertThat(run(TrainNeuralnet.SCRIPT, "--iterations", "601")).startsWith("0.109 0.1136",
                "0.9051333333333333 0.9069").hasSize(3);
        assertThat(Files.size(figures.resolve("train_neuralnet-iterations601.png"))).isPositive();
    }

    /**
     * numpy printed W1:4.6074673666027073e-10, b1:2.7779039843954004e-09, W2:6.065616148038816e-09,
     * b2:1.403123972357201e-07. Almost all of each is the δ = 1e-7 of log(y + δ), which backprop leaves out and which
     * is the same in both; the last digits are rounding and summation order, so the numbers are pinned to 1e-3.
     */
    @Test
    @Tag("book")
    void gradientCheckPrintsNoiseOfNumpysSize() {
        List<String> lines = run(GradientCheck.SCRIPT);
        String[] keys = {"W1", "b1", "W2", "b2"};
        double[] numpy = {4.6074673666027073e-10, 2.7779039843954004e-09, 6.065616148038816e-09, 1.403123972357201e-07};
        assertThat(lines).hasSize(4);
        for (int k = 0; k < 4; k++) {
            assertThat(lines.get(k)).startsWith(keys[k] + ":");
            double diff = Double.parseDouble(lines.get(k).substring(keys[k].length() + 1));
            assertThat(diff).as(lines.get(k)).isCloseTo(numpy[k], within(1e-3 * numpy[k]));
        }
    }
}
