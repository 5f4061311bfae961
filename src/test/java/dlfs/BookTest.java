package dlfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.launch.Script;
import dlfs.testing.Console;
import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
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
        assertThat(names("6")).containsExactly("ShowOptimizerSgd", "ShowOptimizerMomentum", "ShowOptimizerAdagrad",
                "ShowOptimizerAdam", "OptimizerCompareNaive", "OptimizerCompareMnist",
                "WeightInitZeroSymmetry", "WeightInitActivationHistogram", "WeightInitExplorer",
                "WeightInitGradientFlow", "WeightInitCompare", "BatchNormTest", "BatchNormTestMulti", "BatchNormGradientCheck", "Overfit",
                "OverfitWeightDecay", "OverfitDropout", "HyperparameterOptimization");
        assertThat(names()).containsExactly("WeightInitZeroSymmetry", "WeightInitActivationHistogram",
                "WeightInitExplorer", "WeightInitGradientFlow", "WeightInitCompare");
        assertThat(names("ALL")).containsAll(names("ch06"));
    }

    @Test
    void chapter5ComesBeforeChapter6WithItsScriptsInBookOrder() {
        assertThat(names("5")).containsExactly("BuyApple", "BuyAppleOrange", "GradientCheck", "TrainNeuralnet");
        assertThat(names("ch05")).isEqualTo(names("5"));
        assertThat(names("5.4")).containsExactly("BuyApple", "BuyAppleOrange");
        assertThat(names("5.7")).containsExactly("GradientCheck", "TrainNeuralnet");
        assertThat(names("all").subList(0, 5)).containsExactly("BuyApple", "BuyAppleOrange", "GradientCheck",
                "TrainNeuralnet", "ShowOptimizerSgd");
    }

    /** gradient_check.py is in chapters 5 and 7: the bare file name asks which, ch05/… and ch07/… name one. */
    @Test
    void chapter5And7ScriptsAnswerToTheirFileNames() {
        assertThat(names("buy_apple.py", "ch05/buy_apple_orange.py", "ch05/gradient_check.py", "train_neuralnet.py"))
                .containsExactly("BuyApple", "BuyAppleOrange", "GradientCheck", "TrainNeuralnet");
        assertThat(Book.LAUNCHER.select(new String[] {"ch07/gradient_check.py"}).get(0).file())
                .isEqualTo("ch07/gradient_check.py");
        assertThatThrownBy(() -> names("gradient_check.py")).isInstanceOf(UserError.class)
                .hasMessage("'gradient_check.py' is in more than one chapter; say which: ch05/gradient_check.py or"
                        + " ch07/gradient_check.py");
        assertThat(names("7")).containsExactly("GradientCheck", "TrainConvnet", "VisualizeFilter", "ApplyFilter");
        assertThat(names("train_convnet.py", "apply_filter.py")).containsExactly("TrainConvnet", "ApplyFilter");
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
        assertThat(names("6.3", "weightinitcompare", "BatchNormTestMulti", "weight_init_compare.py",
                "ch06/overfit_dropout.py")).containsExactly("BatchNormTest", "BatchNormTestMulti",
                "BatchNormGradientCheck", "WeightInitCompare", "OverfitDropout");
    }

    @Test
    void everyFileNameOfTheKoreanRemastersCh06RunsTheMainNamedAfterIt() {
        List<String> files = List.of("batch_norm_gradient_check.py", "batch_norm_test.py", "batch_norm_test_multi.py",
                "hyperparameter_optimization.py", "optimizer_compare_mnist.py", "optimizer_compare_naive.py",
                "overfit.py", "overfit_dropout.py", "overfit_weight_decay.py", "show_optimizer_adagrad.py",
                "show_optimizer_adam.py", "show_optimizer_momentum.py", "show_optimizer_sgd.py",
                "weight_init_activation_histogram.py", "weight_init_compare.py");      // git ls-tree HEAD ch06/
        for (String file : files) {
            String camel = Arrays.stream(file.replace(".py", "").split("_"))
                    .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).reduce("", String::concat);
            assertThat(names(file)).as(file).containsExactly(camel);
            assertThat(names("ch06/" + file)).as("ch06/" + file).containsExactly(camel);
        }
    }

    /**
     * BatchNormTest is a main named after batch_norm_test.py, not a JUnit class: Surefire runs only classes compiled
     * from src/test, and no file there may take a main's name (it would also hide the main on the test classpath).
     */
    @Test
    void noTestSourceHasTheNameOfAMain() throws IOException {
        List<String> mains = Book.LAUNCHER.select("all").stream().map(s -> s.name() + ".java").toList();
        try (Stream<Path> files = Files.walk(ProjectDir.root().resolve("src/test/java"))) {
            List<String> tests = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).toList();
            assertThat(tests).contains("BookNumbersTest.java").doesNotContainAnyElementsOf(mains);
        }
        assertThat(mains).contains("BatchNormTest.java");
    }

    @Test
    void batchNormTestPyIsTheRemastersAndListAndHelpSayHowToRunTheJapaneseOne() {
        assertThat(names("batch_norm_test.py")).containsExactly("BatchNormTest");
        assertThat(names("batch_norm_test_multi.py")).containsExactly("BatchNormTestMulti");
        assertThat(run("--list")).isZero();
        assertThat(out().replaceAll("\\s+", " ")).contains("batch_norm_test.py runs BatchNormTest: the Korean"
                + " remaster's batch_norm_test.py (one weight scale, figure 6-18). The Japanese and Korean first-edition"
                + " batch_norm_test.py (16 weight scales, figures 6-18 and 6-19) is the remaster's"
                + " batch_norm_test_multi.py: run batch_norm_test_multi.py or BatchNormTestMulti");
        out.reset();
        assertThat(run("batch_norm_test.py", "--help")).isZero();
        assertThat(out()).startsWith("BatchNormTest - book §6.3.2, figure 6-18 (ch06/batch_norm_test.py)");
        assertThat(out().replaceAll("\\s+", " ")).contains("the Japanese repository's batch_norm_test.py (16 weight"
                + " scales) is the remaster's batch_norm_test_multi.py: run that name for it.");
    }

    @Test
    void listAndHelpGiveSectionFiguresAndPagesForTheThreeEditions() {
        assertThat(run("--list")).isZero();
        assertThat(out()).contains("only the Korean first edition's are listed.\n",
                "    OverfitWeightDecay             ch06/overfit_weight_decay.py               §6.4.2, figure 6-21;"
                        + " Korean first edition p. 215\n",
                "Japanese, Korean first editions: §6.4.1-6.4.2, figures 6-20, 6-21, ch06/overfit_weight_decay.py",
                "    Overfit                        ch06/overfit.py                            §6.4.1, figure 6-20\n");
        out.reset();
        assertThat(run("overfit_weight_decay.py", "--help")).isZero();
        assertThat(out()).contains(
                "  Japanese edition         §6.4.1-6.4.2, figures 6-20, 6-21: ch06/overfit_weight_decay.py, page not"
                        + " listed\n",
                "  Korean first edition     §6.4.1-6.4.2, figures 6-20, 6-21: ch06/overfit_weight_decay.py, p. 215\n",
                "  Korean remaster (2025)   §6.4.2, figure 6-21: ch06/overfit_weight_decay.py, page not listed\n");
        out.reset();
        assertThat(run("show_optimizer_adam.py", "--help")).isZero();
        assertThat(out()).startsWith("ShowOptimizerAdam - book §6.1.6, figure 6-7 (ch06/show_optimizer_adam.py)")
                .contains("  Japanese edition         §6.1.6, figure 6-7: no script, page not listed\n");
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
