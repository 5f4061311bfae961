package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.Book;
import dlfs.launch.Script;
import dlfs.util.ProjectDir;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A figure drawn with other options than the defaults is named after them ({@code weight_init_compare-seed7-
 * iterations300.png}) and ignored by git, so a reader's runs leave {@code git status} clean; the figures the
 * README shows, drawn with the defaults, are not ignored.
 */
class IgnoredFiguresTest {
    private static final Path ROOT = ProjectDir.root();

    @Test
    void everyOptionThatNamesAFigureHasItsPatternInGitignore() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(".gitignore"));
        for (Script s : Book.LAUNCHER.select("all")) {
            for (String name : s.figureNameOptions()) {
                assertThat(lines).as("%s --%s", s.name(), name).contains("/figures/*-" + name + "*.png");
            }
        }
    }

    @Test
    void aFigureWithOtherOptionsIsIgnoredAndTheFiguresTheReadmeShowsAreNot() throws IOException {
        List<PathMatcher> ignored = ignoredFigurePatterns();
        String other = WeightInitCompare.SCRIPT.parse("--seed", "7", "--iterations", "300")
                .figureName("weight_init_compare") + ".png";
        assertThat(isIgnored(ignored, other)).as(other).isTrue();
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher shown = Pattern.compile("\\]\\(figures/([^)]+\\.png)\\)").matcher(readme);
        List<String> figures = shown.results().map(m -> m.group(1)).toList();
        assertThat(figures).as("figures the README shows").hasSizeGreaterThanOrEqualTo(18)
                .allSatisfy(n -> assertThat(isIgnored(ignored, n)).as(n).isFalse());
    }

    /** The .gitignore lines under /figures/, as glob matchers of a file name in that folder. */
    private static List<PathMatcher> ignoredFigurePatterns() throws IOException {
        return Files.readAllLines(ROOT.resolve(".gitignore")).stream().filter(l -> l.startsWith("/figures/"))
                .map(l -> FileSystems.getDefault().getPathMatcher("glob:" + l.substring("/figures/".length())))
                .toList();
    }

    private static boolean isIgnored(List<PathMatcher> patterns, String fileName) {
        return patterns.stream().anyMatch(m -> m.matches(Path.of(fileName)));
    }
}
