package dlfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.launch.Script;
import dlfs.testing.Console;
import dlfs.util.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher over the book's chapters: chapters, sections, names, file names, options checked first, help. */
class BookTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Book.LAUNCHER.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(String... selection) {
        return Book.LAUNCHER.select(selection).stream().map(Script::name).toList();
    }

    @Test
    void everyScriptOfChapter6IsRegisteredInBookOrderAndSection62IsTheDefault() {
        assertThat(names("6")).containsExactly("OptimizerCompareNaive", "OptimizerCompareMnist",
                "WeightInitZeroSymmetry", "WeightInitActivationHistogram", "WeightInitGradientFlow",
                "WeightInitCompare", "BatchNormCompare", "BatchNormGradientCheck", "OverfitWeightDecay",
                "OverfitDropout", "HyperparameterOptimization");
        assertThat(names()).containsExactly("WeightInitZeroSymmetry", "WeightInitActivationHistogram",
                "WeightInitGradientFlow", "WeightInitCompare");
        assertThat(names("ALL")).containsAll(names("ch06"));
    }

    @Test
    void chapter5ComesBeforeChapter6WithItsScriptsInBookOrder() {
        assertThat(names("5")).containsExactly("BuyApple", "BuyAppleOrange", "GradientCheck", "TrainNeuralnet");
        assertThat(names("ch05")).isEqualTo(names("5"));
        assertThat(names("5.4")).containsExactly("BuyApple", "BuyAppleOrange");
        assertThat(names("5.7")).containsExactly("GradientCheck", "TrainNeuralnet");
        assertThat(names("all").subList(0, 5)).containsExactly("BuyApple", "BuyAppleOrange", "GradientCheck",
                "TrainNeuralnet", "OptimizerCompareNaive");
    }

    /** gradient_check.py is only chapter 5's until chapter 7 brings its own; ch05/… names it either way. */
    @Test
    void chapter5ScriptsAnswerToTheirFileNames() {
        assertThat(names("buy_apple.py", "ch05/buy_apple_orange.py", "gradient_check.py", "train_neuralnet.py"))
                .containsExactly("BuyApple", "BuyAppleOrange", "GradientCheck", "TrainNeuralnet");
        assertThat(names("ch05/gradient_check.py", "gradientcheck")).containsExactly("GradientCheck");
        assertThatThrownBy(() -> names("ch06/gradient_check.py")).isInstanceOf(UserError.class)
                .hasMessageContaining("is neither a chapter");
    }

    @Test
    void buyAppleRunsFromTheLauncherBetweenItsBanners() {
        String printed = Console.run(() -> assertThat(Book.LAUNCHER.run(new String[] {"buy_apple.py"}, System.out,
                System.err)).isZero(), tmp);
        assertThat(printed).startsWith("######## BuyApple ########\nprice: 220\ndApple: 2.2\ndApple_num: 110\n"
                + "dTax: 200\nfigure: " + tmp.resolve("buy_apple.png").toAbsolutePath()
                + "\n######## BuyApple done in ");
    }

    @Test
    void sectionsNamesInAnyCaseAndFileNamesCombineWithoutRepeats() {
        assertThat(names("6.3", "weightinitcompare", "BatchNormCompare", "weight_init_compare.py",
                "ch06/overfit_dropout.py")).containsExactly("BatchNormCompare", "BatchNormGradientCheck",
                "WeightInitCompare", "OverfitDropout");
    }

    @Test
    void aMistypedNameGetsADidYouMean() {
        assertThatThrownBy(() -> names("WeightInitCompar"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("'WeightInitCompar' is neither a chapter, a section (5.4, 5.7, 6.1, 6.2, ")
                .hasMessageEndingWith("all) nor a script; did you mean WeightInitCompare? (--list shows them all)");
        assertThatThrownBy(() -> names("weight_init_compar.py")).hasMessageContaining("did you mean"
                + " weight_init_compare.py?");
        assertThat(run("6.9")).isEqualTo(2);
        assertThat(err()).startsWith("dlfs: '6.9' is neither a chapter, a section");
    }

    @Test
    void anOptionNoChosenScriptHasStopsEverythingBeforeTheFirstScriptStarts() {
        assertThat(run("WeightInitActivationHistogram", "WeightInitCompare", "--iteration", "300")).isEqualTo(2);
        assertThat(err()).isEqualTo("dlfs: unknown option --iteration (did you mean --iterations?); the chosen"
                + " scripts take --seed, --activation, --init, --show, --iterations (NAME --help for details)\n");
        assertThat(out()).isEmpty();                 // not even the histograms, which need no --iterations
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThat(run("WeightInitCompare", "--seed", "--iterations", "11")).isEqualTo(2);
        assertThat(err()).isEqualTo("dlfs: --seed lacks a value (e.g. --seed 7)\n");
        assertThat(run("WeightInitCompare", "--iterations")).isEqualTo(2);
        assertThat(err()).endsWith("dlfs: --iterations lacks a value (e.g. --iterations 7)\n");
    }

    @Test
    void aBadValueOfAnyChosenScriptStopsBeforeTheFirstOneRuns() {
        assertThat(run("WeightInitActivationHistogram", "WeightInitCompare", "--iterations", "5")).isEqualTo(2);
        assertThat(err()).startsWith("dlfs: --iterations 5 is out of range: allowed 11..1000000 (max_iterations;"
                + " at least 11, the window of the book's smooth_curve)");
        assertThat(out()).isEmpty();
    }

    @Test
    void namesGoBeforeOptions() {
        assertThat(run("--seed", "7", "WeightInitCompare")).isEqualTo(2);
        assertThat(err()).isEqualTo("dlfs: unexpected argument 'WeightInitCompare': script names, sections and"
                + " chapters go before the options\n");
    }

    @Test
    void helpListsTheScriptsAndEachScriptsOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("WeightInitCompare", "ch06/weight_init_compare.py", "§6.5 hyperparameter search");
        out.reset();
        assertThat(run("overfit_dropout.py", "-h")).isZero();
        assertThat(out()).startsWith("OverfitDropout - book §6.4.3, figure 6-23 (ch06/overfit_dropout.py)")
                .contains("--epochs N       default 301, allowed 1..100000", "--quiet");
        assertThat(err()).isEmpty();
    }
}
