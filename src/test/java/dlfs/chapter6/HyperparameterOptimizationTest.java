package dlfs.chapter6;

import dlfs.testing.BookLines;
import dlfs.testing.Console;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search draws every random number where the book's sequential loop draws it, trial after trial. */
class HyperparameterOptimizationTest {
    @TempDir
    Path figures;

    /**
     * hyperparameter_optimization.py with optimization_trial = 3 and epocs=1: each trial's hyperparameters are
     * drawn after the previous trial's network and batches, so trials 2 and 3 show that the generator advanced as
     * the book's sequential loop advances it.
     */
    @Test
    void threeTrialsOfTheHyperparameterSearchWithOneEpochEach() {
        String out = Console.run(HyperparameterOptimization.SCRIPT, figures, "--trials", "3", "--epochs", "1");
        BookLines.assertStartsWith(out, "val acc:0.09 | lr:1.5081662054491436e-06, weight decay:6.909132715896656e-07",
                "val acc:0.12 | lr:8.580130119250735e-05, weight decay:6.613961694622979e-08",
                "val acc:0.11 | lr:7.278736283832835e-06, weight decay:6.375060012145725e-06",
                "=========== Hyper-Parameter Optimization Result ===========",
                "Best-1(val acc:0.12) | lr:8.580130119250735e-05, weight decay:6.613961694622979e-08",
                "Best-2(val acc:0.11) | lr:7.278736283832835e-06, weight decay:6.375060012145725e-06",
                "Best-3(val acc:0.09) | lr:1.5081662054491436e-06, weight decay:6.909132715896656e-07");
    }

}
