package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.testing.Console;
import dlfs.testing.LiveFrames;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --show headless with -Ddlfs.frames: the live window of a training main is drawn into frames that change as it
 * trains, and the main prints exactly what it prints without --show.
 */
@Tag("book")
class LiveWindowsTest {
    @TempDir
    Path figures;
    @TempDir
    Path frames;

    @Test
    void weightInitCompareDrawsDifferentFramesAndPrintsTheSame() throws Exception {
        String without = Console.run(WeightInitCompare.SCRIPT, figures, "--iterations", "300");
        String with = LiveFrames.run(WeightInitCompare.SCRIPT, figures, frames, "--iterations", "300", "--show");
        assertThat(with).isEqualTo(without);
        assertThat(LiveFrames.distinct(frames)).as("different frames").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void overfitDrawsItsAccuraciesEpochByEpoch() throws Exception {
        String without = Console.run(Overfit.SCRIPT, figures, "--epochs", "40");
        String with = LiveFrames.run(Overfit.SCRIPT, figures, frames, "--epochs", "40", "--show");
        assertThat(with).isEqualTo(without);
        assertThat(LiveFrames.distinct(frames)).hasSizeGreaterThanOrEqualTo(2);   // one while training, and the last
    }
}
