package dlfs.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.util.UserError;
import org.junit.jupiter.api.Test;

class ScriptTest {
    private static final Script OPTIONS = new Script("Demo", "ch06/demo.py", o -> { }).book("6.0", "6-0")
            .figures("demo.png").seed().number("iterations", 2000, 11, 1_000_000, "because of the smoothing window")
            .word("init", null, dlfs.network.WeightInit::parse, "weight scale")
            .flag("quiet", "fewer lines").show();

    @Test
    void defaultsWhenNothingIsGiven() {
        Options v = OPTIONS.parse(new String[0]);
        assertThat(v.seed()).isZero();
        assertThat(v.number("iterations")).isEqualTo(2000);
        assertThat(v.word("init")).isNull();
        assertThat(v.flag("quiet")).isFalse();
        assertThat(v.figureName("demo")).isEqualTo("demo");
    }

    @Test
    void everyOptionThatChangesTheResultsGoesIntoTheFigureName() {
        Options v = OPTIONS.parse(new String[] {"--iterations", "300", "--seed", "7", "--quiet", "--show",
            "--init", "he"});
        assertThat(v.figureName("weight_init_compare")).isEqualTo("weight_init_compare-seed7-iterations300-inithe");
        assertThat(OPTIONS.parse(new String[] {"--seed", "0"}).figureName("demo")).isEqualTo("demo");
    }

    @Test
    void rejectsWhatTheExperimentDoesNotTake() {
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"--seeds", "7"})).isInstanceOf(UserError.class)
                .hasMessage("unknown option --seeds (did you mean --seed?); Demo takes --seed N, --iterations N,"
                        + " --init VALUE, --quiet, --show");
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"7"}))
                .hasMessageStartingWith("unexpected argument '7': Demo takes only options");
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"--seed", "1", "--seed", "2"}))
                .hasMessage("--seed is given twice");
    }

    @Test
    void valuesAreCheckedWithTheAllowedRangeAndTheReason() {
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"--iterations", "10"}))
                .hasMessage("--iterations 10 is out of range: allowed 11..1000000 (because of the smoothing window)");
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"--seed", "4294967296"}))
                .hasMessageStartingWith("--seed 4294967296 is out of range: allowed 0..4294967295");
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"--seed", "x"}))
                .hasMessage("--seed x: not a whole number (allowed 0..4294967295)");
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"--init", "foo"}))
                .hasMessage("--init foo: 'foo' is not a weight init; give " + dlfs.network.WeightInit.SPELLINGS);
        assertThatThrownBy(() -> OPTIONS.parse(new String[] {"--seed", "--quiet"}))
                .hasMessage("--seed lacks a value (e.g. --seed 7)");
    }

    @Test
    void bothEndsOfARangeAreAllowed() {
        assertThat(OPTIONS.parse("--seed", "4294967295").seed()).isEqualTo(4_294_967_295L);   // np.random.seed(2**32-1)
        assertThat(OPTIONS.parse("--seed", "0").seed()).isZero();
        assertThat(OPTIONS.parse("--iterations", "11").number("iterations")).isEqualTo(11);
        assertThat(OPTIONS.parse("--iterations", "1000000").number("iterations")).isEqualTo(1_000_000);
    }

    @Test
    void aHugeOrLongValueIsOutOfRangeAndShownShort() {
        assertThatThrownBy(() -> OPTIONS.parse("--seed", "123456789012345678901234"))
                .hasMessage("--seed 123456789012345678901234 is out of range: allowed 0..4294967295 (the"
                        + " np.random.seed(N) of the book's script; with the default 0 the numbers are the book's)");
        String huge = "x".repeat(200_000);
        assertThatThrownBy(() -> OPTIONS.parse("--init", huge)).message().hasSizeLessThan(300)
                .startsWith("--init " + "x".repeat(39) + "…: ");
    }

    @Test
    void didYouMeanFindsCloseNamesOnly() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.closest("iteration", java.util.List.of("seed", "iterations"))).isEqualTo("iterations");
        assertThat(DidYouMean.closest("xyz", java.util.List.of("seed", "iterations"))).isNull();
    }
}
