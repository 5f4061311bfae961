package dlfs.chapter6;

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
        String old = System.getProperty("dlfs.frames");
        String with;
        try {
            System.setProperty("dlfs.frames", frames.toString());
            with = Console.run(WeightInitCompare.SCRIPT, figures, "--iterations", "300", "--show");
        } finally {
            SystemProperties.restore("dlfs.frames", old);
        }
        assertThat(with).isEqualTo(without);
        assertThat(distinctFrames()).as("different frames").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void overfitDrawsItsAccuraciesEpochByEpoch() throws Exception {
        String without = Console.run(Overfit.SCRIPT, figures, "--epochs", "40");
        String old = System.getProperty("dlfs.frames");
        String with;
        try {
            System.setProperty("dlfs.frames", frames.toString());
            with = Console.run(Overfit.SCRIPT, figures, "--epochs", "40", "--show");
        } finally {
            SystemProperties.restore("dlfs.frames", old);
        }
        assertThat(with).isEqualTo(without);
        assertThat(distinctFrames()).hasSizeGreaterThanOrEqualTo(2);   // at least one while training, and the last
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
