package dlfs.chapter7;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.testing.Console;
import dlfs.testing.SystemProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
        String params = figures.resolve("params.pkl").toString();
        String without = Console.run(TrainConvnet.SCRIPT, figures, "--data", "small", "--epochs", "1",
                "--params", params);
        String old = System.getProperty("dlfs.frames");
        String with;
        try {
            System.setProperty("dlfs.frames", frames.toString());
            with = Console.run(TrainConvnet.SCRIPT, figures, "--data", "small", "--epochs", "1", "--params", params,
                    "--show");
        } finally {
            SystemProperties.restore("dlfs.frames", old);
        }
        assertThat(with).isEqualTo(without).startsWith("train loss:2.300222445398858\n")   // the script on x_train[:5000];
        assertThat(distinctFrames()).as("different frames").hasSizeGreaterThanOrEqualTo(2);
    }

    private Set<String> distinctFrames() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(frames)) {
            files = list.filter(p -> p.getFileName().toString().matches("frame-\\d{5}\\.png")).toList();
        }
        Set<String> distinct = new HashSet<>();
        for (Path f : files) {
            distinct.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        }
        return distinct;
    }
}
