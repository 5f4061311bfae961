package dlfs.chapter6;

import dlfs.launch.Chapter;

/**
 * Chapter 6, "techniques for learning" (학습 관련 기술들): its sections and, under each, the scripts of the book's
 * {@code ch06/} in book order, plus the experiments beyond the book. {@code mvn -q compile exec:java
 * -Dexec.args="6.2"} runs a section, {@code "6"} the chapter.
 */
public final class Chapter6 {
    public static final Chapter CONTENTS = new Chapter("6", "techniques for learning")
            .section("6.1", "updating parameters", OptimizerCompareNaive.SCRIPT, OptimizerCompareMnist.SCRIPT)
            .section("6.2", "initial weight values", WeightInitZeroSymmetry.SCRIPT,
                    WeightInitActivationHistogram.SCRIPT, WeightInitGradientFlow.SCRIPT, WeightInitCompare.SCRIPT)
            .section("6.3", "batch normalization", BatchNormCompare.SCRIPT, BatchNormGradientCheck.SCRIPT)
            .section("6.4", "regularization", OverfitWeightDecay.SCRIPT, OverfitDropout.SCRIPT)
            .section("6.5", "hyperparameter search", HyperparameterOptimization.SCRIPT);

    private Chapter6() {
    }

    /** Runs the chapter, or what the arguments choose in it ({@code 6.4}, {@code WeightInitCompare --seed 7}). */
    public static void main(String[] args) {
        new dlfs.launch.Launcher("6", CONTENTS).main(args);
    }
}
