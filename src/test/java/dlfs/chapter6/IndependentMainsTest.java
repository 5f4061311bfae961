package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No experiment main depends on another, as no book script imports another: what several share lives in the
 * library or in a helper of this package. Only the launcher, Chapter6, names them all.
 */
class IndependentMainsTest {
    @Test
    void noClassButTheLauncherNamesAnExperimentMainOtherThanItself() throws IOException {
        Path dir = Path.of("src/main/java/dlfs/chapter6");
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(Chapter6.EXPERIMENTS.size());
        for (Path source : sources) {
            String self = source.getFileName().toString().replace(".java", "");
            if (self.equals("Chapter6")) {
                continue;
            }
            String code = Files.readString(source);
            for (String main : Chapter6.EXPERIMENTS.keySet()) {
                if (!main.equals(self)) {
                    assertThat(Pattern.compile("\\b" + main + "\\b").matcher(code).find())
                            .as("%s names the experiment main %s", self, main).isFalse();
                }
            }
        }
    }
}
