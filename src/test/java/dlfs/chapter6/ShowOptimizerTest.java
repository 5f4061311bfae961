package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.launch.Script;
import dlfs.testing.Console;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remaster's show_optimizer_*.py (figures 6-3, 6-5, 6-6, 6-7): each main runs one optimizer with the learning
 * rate of optimizer_compare_naive.py and draws its own figure. The scripts print nothing; the line each main prints
 * beyond them gives where the 30th update lands, with the numbers numpy gives for that update
 * (src/test/resources/reference/optimizer_steps.py, step 30), rounded to 6 digits.
 */
class ShowOptimizerTest {
    @TempDir
    Path figures;

    private void assertRun(Script script, String line, String figure) {
        String out = Console.run(script, figures);
        assertThat(out.lines().toList()).containsExactly(line, "figure: " + figures.resolve(figure));
        assertThat(figures.resolve(figure)).isNotEmptyFile();
    }

    @Test
    void sgd() {
        assertRun(ShowOptimizerSgd.SCRIPT, "SGD: SGD(lr=0.95) after 30 updates: (x, y) = (-0.350393, 0.084782),"
                + " f = 0.013327", "show_optimizer_sgd.png");
    }

    @Test
    void momentum() {
        assertRun(ShowOptimizerMomentum.SCRIPT, "Momentum: Momentum(lr=0.1, momentum=0.9) after 30 updates: (x, y)"
                + " = (0.896414, 0.088086), f = 0.047937", "show_optimizer_momentum.png");
    }

    @Test
    void adaGrad() {
        assertRun(ShowOptimizerAdagrad.SCRIPT, "AdaGrad: AdaGrad(lr=1.5) after 30 updates: (x, y) = (-0.120162,"
                + " 0.000000), f = 0.000722", "show_optimizer_adagrad.png");
    }

    @Test
    void adam() {
        assertRun(ShowOptimizerAdam.SCRIPT, "Adam: Adam(lr=0.3, beta1=0.9, beta2=0.999) after 30 updates: (x, y) ="
                + " (0.136007, 0.318245), f = 0.102205", "show_optimizer_adam.png");
    }
}
