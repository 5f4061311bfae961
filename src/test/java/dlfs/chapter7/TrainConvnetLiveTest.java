package dlfs.chapter7;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.testing.Console;
import dlfs.testing.LiveFrames;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TrainConvnet --show, headless with -Ddlfs.frames: frames while it trains, and the same printed lines. */
@Tag("book")
class TrainConvnetLiveTest {
    @TempDir
    Path figures;
    @TempDir
    Path frames;

    @Test
    void drawsTheLossAndAccuraciesWhileTrainingAndPrintsTheSame() throws Exception {
        String[] args = {"--data", "small", "--epochs", "1", "--params", figures.resolve("params.pkl").toString()};
        String without = Console.run(TrainConvnet.SCRIPT, figures, args);
        String with = LiveFrames.run(TrainConvnet.SCRIPT, figures, frames, append(args, "--show"));
        assertThat(with).isEqualTo(without)
                .startsWith("train loss:2.300222445398858\n");              // the script's, on x_train[:5000]
        assertThat(LiveFrames.distinct(frames)).as("different frames").hasSizeGreaterThanOrEqualTo(2);
    }

    private static String[] append(String[] args, String arg) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = arg;
        return all;
    }
}
