package dlfs.chapter6;

import dlfs.launch.Chapter;

/**
 * Chapter 6, "techniques for learning" (학습 관련 기술들): its sections and, under each, the scripts of the book's
 * {@code ch06/} in book order (the Korean remaster's fifteen, which include the Japanese repository's nine), plus
 * the experiments beyond the book. {@code mvn -q compile exec:java -Dexec.args="6.2"} runs a section, {@code "6"}
 * the chapter.
 */
public final class Chapter6 {
    public static final Chapter CONTENTS = new Chapter("6", "techniques for learning")
            .section("6.1", "updating parameters", ShowOptimizerSgd.SCRIPT, ShowOptimizerMomentum.SCRIPT,
                    ShowOptimizerAdagrad.SCRIPT, ShowOptimizerAdam.SCRIPT, OptimizerCompareNaive.SCRIPT,
                    OptimizerCompareMnist.SCRIPT)
            .section("6.2", "initial weight values", WeightInitZeroSymmetry.SCRIPT,
                    WeightInitActivationHistogram.SCRIPT, WeightInitExplorer.SCRIPT, WeightInitGradientFlow.SCRIPT,
                    WeightInitCompare.SCRIPT)
            .section("6.3", "batch normalization", BatchNormTest.SCRIPT, BatchNormTestMulti.SCRIPT,
                    BatchNormGradientCheck.SCRIPT)
            .section("6.4", "regularization", Overfit.SCRIPT, OverfitWeightDecay.SCRIPT, OverfitDropout.SCRIPT)
            .section("6.5", "hyperparameter search", HyperparameterOptimization.SCRIPT)
            .alias("batch_norm_test.py", BatchNormTest.SCRIPT, "the Korean remaster's batch_norm_test.py (one weight"
                    + " scale, figure 6-18). The Japanese and Korean first-edition batch_norm_test.py (16 weight"
                    + " scales, figures 6-18 and 6-19) is the remaster's batch_norm_test_multi.py: run"
                    + " batch_norm_test_multi.py or BatchNormTestMulti");

    private Chapter6() {
    }

    /** Runs the chapter, or what the arguments choose in it ({@code 6.4}, {@code WeightInitCompare --seed 7}). */
    public static void main(String[] args) {
        new dlfs.launch.Launcher("6", CONTENTS).main(args);
    }
}
