package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.util.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The launcher: sections, names, options checked before anything runs, help. */
class Chapter6Test {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Chapter6.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyExperimentIsRegisteredInBookOrderAndSection62IsTheDefault() {
        assertThat(Chapter6.EXPERIMENTS.keySet()).containsExactly("OptimizerCompareNaive", "OptimizerCompareMnist",
                "WeightInitZeroSymmetry", "WeightInitActivationHistogram", "WeightInitGradientFlow",
                "WeightInitCompare", "BatchNormCompare", "BatchNormGradientCheck", "OverfitWeightDecay",
                "OverfitDropout", "HyperparameterOptimization");
        assertThat(Chapter6.experimentsFor(new String[0])).containsExactly("WeightInitZeroSymmetry",
                "WeightInitActivationHistogram", "WeightInitGradientFlow", "WeightInitCompare");
        assertThat(Chapter6.experimentsFor(new String[] {"ALL"})).hasSize(11);
    }

    @Test
    void sectionsAndNamesInAnyCaseCombineWithoutRepeats() {
        assertThat(Chapter6.experimentsFor(new String[] {"6.3", "weightinitcompare", "BatchNormCompare"}))
                .containsExactly("BatchNormCompare", "BatchNormGradientCheck", "WeightInitCompare");
    }

    @Test
    void aMistypedNameGetsADidYouMean() {
        assertThatThrownBy(() -> Chapter6.experimentsFor(new String[] {"WeightInitCompar"}))
                .isInstanceOf(UserError.class)
                .hasMessage("'WeightInitCompar' is neither a section (6.1, 6.2, 6.3, 6.4, 6.5, all) nor an experiment;"
                        + " did you mean WeightInitCompare? (--list shows them all)");
        assertThat(run("6.9")).isEqualTo(2);
        assertThat(err()).startsWith("Chapter6: '6.9' is neither a section");
    }

    @Test
    void anOptionNoChosenExperimentHasStopsEverythingBeforeTheFirstExperimentStarts() {
        assertThat(run("WeightInitActivationHistogram", "WeightInitCompare", "--iteration", "300")).isEqualTo(2);
        assertThat(err()).isEqualTo("Chapter6: unknown option --iteration (did you mean --iterations?); the chosen"
                + " experiments take --seed, --activation, --init, --show, --iterations (NAME --help for details)\n");
        assertThat(out()).isEmpty();                 // not even the histograms, which need no --iterations
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThat(run("WeightInitCompare", "--seed", "--iterations", "11")).isEqualTo(2);
        assertThat(err()).isEqualTo("Chapter6: --seed lacks a value (e.g. --seed 7)\n");
        assertThat(run("WeightInitCompare", "--iterations")).isEqualTo(2);
        assertThat(err()).endsWith("Chapter6: --iterations lacks a value (e.g. --iterations 7)\n");
    }

    @Test
    void aBadValueOfAnyChosenExperimentStopsBeforeTheFirstOneRuns() {
        assertThat(run("WeightInitActivationHistogram", "WeightInitCompare", "--iterations", "5")).isEqualTo(2);
        assertThat(err()).startsWith("Chapter6: --iterations 5 is out of range: allowed 11..1000000 (max_iterations;"
                + " at least 11, the window of the book's smooth_curve)");
        assertThat(out()).isEmpty();
    }

    @Test
    void namesGoBeforeOptions() {
        assertThat(run("--seed", "7", "WeightInitCompare")).isEqualTo(2);
        assertThat(err()).isEqualTo("Chapter6: unexpected argument 'WeightInitCompare': experiment names and"
                + " sections go before the options\n");
    }

    @Test
    void helpListsTheExperimentsAndEachExperimentsOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("WeightInitCompare", "weight_init_compare.py", "§6.5 hyperparameter search");
        out.reset();
        assertThat(run("overfitdropout", "-h")).isZero();
        assertThat(out()).startsWith("OverfitDropout - book §6.4.3, figure 6-23 (ch06/overfit_dropout.py)")
                .contains("--epochs N       default 301, allowed 1..100000", "--quiet", "Runs about");
        assertThat(err()).isEmpty();
    }
}
