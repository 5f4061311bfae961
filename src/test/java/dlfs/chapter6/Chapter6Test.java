package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The launcher: sections, names, "all" and the default section. */
class Chapter6Test {
    @Test
    void everyExperimentOfTheChapterIsRegisteredInBookOrder() {
        assertThat(Chapter6.EXPERIMENTS.keySet()).containsExactly("OptimizerCompareNaive", "OptimizerCompareMnist",
                "WeightInitZeroSymmetry", "WeightInitActivationHistogram", "WeightInitGradientFlow",
                "WeightInitCompare", "BatchNormCompare", "BatchNormGradientCheck", "OverfitWeightDecay",
                "OverfitDropout", "HyperparameterOptimization");
        assertThat(Chapter6.experimentsFor(new String[] {"all"})).hasSize(11);
    }

    @Test
    void noArgumentsRunSection62() {
        assertThat(Chapter6.experimentsFor(new String[0])).containsExactly("WeightInitZeroSymmetry",
                "WeightInitActivationHistogram", "WeightInitGradientFlow", "WeightInitCompare");
    }

    @Test
    void sectionsAndNamesCombine() {
        assertThat(Chapter6.experimentsFor(new String[] {"6.3", "WeightInitCompare"}))
                .containsExactly("BatchNormCompare", "BatchNormGradientCheck", "WeightInitCompare");
    }

    @Test
    void unknownOptionsAndMisplacedNamesAreRejected() {
        assertThatThrownBy(() -> Chapter6.main(new String[] {"WeightInitCompare", "--iteration", "300"}))
                .hasMessageStartingWith("unknown option --iteration (options: --seed, --iterations,");
        assertThatThrownBy(() -> Chapter6.main(new String[] {"--seed", "7", "WeightInitCompare"}))
                .hasMessage("unexpected argument 'WeightInitCompare' (experiment names and sections go before the options)");
        assertThatThrownBy(() -> WeightInitCompare.main(new String[] {"--seeds", "7"}))
                .hasMessageStartingWith("unknown option --seeds");
    }

    @Test
    void anUnknownNameListsWhatExists() {
        assertThatThrownBy(() -> Chapter6.experimentsFor(new String[] {"6.9"}))
                .hasMessageStartingWith("Chapter6: '6.9' is neither a section ([6.1, 6.2, 6.3, 6.4, 6.5], all)")
                .hasMessageContaining("WeightInitCompare");
    }
}
