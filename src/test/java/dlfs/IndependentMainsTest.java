package dlfs;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.launch.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No script main depends on another, as no book script imports another: what several share lives in the library
 * or in the chapter's one helper. Only a chapter's table of contents names its scripts, and a chapter package holds
 * nothing else but its package-info and at most one helper.
 */
class IndependentMainsTest {
    @Test
    void noClassButTheTableOfContentsNamesAScriptMainOtherThanItself() throws IOException {
        List<Script> scripts = Book.LAUNCHER.select("all");
        for (Path dir : chapterPackages()) {
            List<Path> sources = javaFiles(dir);
            for (Path source : sources) {
                String self = source.getFileName().toString().replace(".java", "");
                if (self.matches("Chapter\\d+")) {
                    continue;
                }
                String code = Files.readString(source);
                for (Script main : scripts) {
                    if (!main.name().equals(self) && sources.contains(dir.resolve(main.name() + ".java"))) {
                        assertThat(Pattern.compile("\\b" + main.name() + "\\b").matcher(code).find())
                                .as("%s names the script main %s", self, main.name()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aChapterPackageHoldsItsScriptsItsContentsAndAtMostOneHelper() throws IOException {
        List<String> names = Book.LAUNCHER.select("all").stream().map(Script::name).toList();
        for (Path dir : chapterPackages()) {
            List<String> others = javaFiles(dir).stream().map(p -> p.getFileName().toString().replace(".java", ""))
                    .filter(n -> !names.contains(n) && !n.matches("Chapter\\d+|package-info")).toList();
            assertThat(others).as("helpers in %s", dir).hasSizeLessThanOrEqualTo(1);
        }
    }

    private static List<Path> chapterPackages() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/dlfs"))) {
            List<Path> chapters = dirs.filter(d -> d.getFileName().toString().matches("chapter\\d+")).sorted().toList();
            assertThat(chapters).isNotEmpty();
            return chapters;
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
