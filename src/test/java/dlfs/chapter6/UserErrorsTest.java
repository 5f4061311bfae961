package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees after a mistake, in a JVM of its own as from {@code java} or an IDE: one line on stderr that
 * says what was wrong, exit status 2, no stack trace, and nothing trained or written first.
 */
class UserErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void anUnknownOptionOfAnExperimentExits2BeforeTraining() {
        ChildJvm.Result r = ChildJvm.run(tmp, List.of("dlfs.figures=" + tmp), "dlfs.chapter6.OverfitDropout",
                "--iterations", "20");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("OverfitDropout: unknown option --iterations; OverfitDropout takes --seed N,"
                + " --epochs N, --quiet, --show\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void throughTheLauncherToo() {
        ChildJvm.Result r = ChildJvm.run(tmp, List.of("dlfs.figures=" + tmp), "dlfs.Book",
                "WeightInitCompare", "--seed", "-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("dlfs: --seed -1 is out of range: allowed 0..4294967295").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnwritableFiguresFolderIsReportedBeforeTraining() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("plain-file"), "x");
        ChildJvm.Result r = ChildJvm.run(tmp, List.of("dlfs.figures=" + notAFolder.resolve("figures")),
                "dlfs.chapter6.WeightInitCompare");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).startsWith("WeightInitCompare: figures folder "
                + notAFolder.resolve("figures") + " cannot be written: ");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(r.out()).as("nothing loaded or trained").isEmpty();
    }

    /** Under LANG=C the JVM encodes file names as ASCII, so a Korean folder name cannot be a path. */
    @Test
    void aFiguresFolderNameTheLocaleCannotEncodeExits2NamingTheSettingAndTheFix() {
        ChildJvm.Result r = ChildJvm.run(tmp, Map.of("LANG", "C", "LC_ALL", "C"),
                List.of("dlfs.figures=" + tmp.resolve("\uadf8\ub9bc")), "dlfs.chapter6.WeightInitCompare");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("WeightInitCompare: -Ddlfs.figures=").contains(
                "is not a file name this JVM can use", "LANG=C.UTF-8").doesNotContain("\tat ").hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    /** A relative -Ddlfs.figures is taken from the working directory, as any command-line tool takes it. */
    @Test
    void aRelativeFiguresFolderIsTakenFromTheWorkingDirectory() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path empty = Files.createDirectories(tmp.resolve("no-mnist"));
        ChildJvm.Result r = ChildJvm.run(work, List.of("dlfs.figures=out/figs", "dlfs.mnist.dir=" + empty,
                "dlfs.mnist.mirrors=http://127.0.0.1:9/"), "dlfs.chapter6.WeightInitGradientFlow");
        assertThat(r.exitCode()).as("MNIST is missing, after the figures folder was made").isEqualTo(2);
        assertThat(work.resolve("out/figs")).isDirectory();
    }

    @Test
    void missingMnistWithNoNetworkExits2NamingTheFilesAndTheFolder() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("no-mnist"));
        ChildJvm.Result r = ChildJvm.run(tmp, List.of("dlfs.figures=" + tmp, "dlfs.mnist.dir=" + empty,
                "dlfs.mnist.mirrors=http://127.0.0.1:9/"), "dlfs.chapter6.WeightInitGradientFlow");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("WeightInitGradientFlow: ").contains(empty.toString(),
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz").doesNotContain("\tat ");
    }

    @Test
    void helpExits0() {
        ChildJvm.Result r = ChildJvm.run(tmp, List.of(), "dlfs.chapter6.BatchNormTestMulti", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--epochs N", "batch_norm_test.py");
    }
}
