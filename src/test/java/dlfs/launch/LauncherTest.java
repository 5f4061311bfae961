package dlfs.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.util.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * File names of both editions' repositories: a script answers to each file it has in any edition; a file name two
 * scripts of a chapter have is refused unless the chapter's alias says which one it runs.
 */
class LauncherTest {
    // the Korean remaster split demo.py: demo.py is now one panel, demo_multi.py the Japanese demo.py
    private static final Script ONE = new Script("Demo", "ch09/demo.py", o -> { }).book("9.1", "9-1")
            .firstEditions(null, "9.1", "9-1");
    private static final Script MULTI = new Script("DemoMulti", "ch09/demo_multi.py", o -> { }).book("9.1", "9-2")
            .firstEditions("ch09/demo.py", "9.1", "9-1, 9-2").page(Edition.KOREAN_FIRST, "300");

    private static List<String> names(Launcher launcher, String... selection) {
        return launcher.select(selection).stream().map(Script::name).toList();
    }

    @Test
    void aFileNameOfTheFirstEditionsRunsTheScriptThatHasIt() {
        Launcher launcher = new Launcher("9", new Chapter("9", "demo").section("9.1", "demo", MULTI));
        assertThat(names(launcher, "demo.py")).containsExactly("DemoMulti");
        assertThat(names(launcher, "demo_multi.py")).containsExactly("DemoMulti");
        assertThat(MULTI.fileNames()).containsExactly("demo.py", "demo_multi.py");
    }

    @Test
    void aFileNameTwoScriptsHaveNeedsAnAliasToSayWhichItRuns() {
        Chapter chapter = new Chapter("9", "demo").section("9.1", "demo", ONE, MULTI);
        Launcher launcher = new Launcher("9", chapter);
        assertThatThrownBy(() -> names(launcher, "demo.py")).isInstanceOf(UserError.class)
                .hasMessage("'demo.py' names more than one script: Demo and DemoMulti; run one by its name");
        chapter.alias("demo.py", ONE, "the remaster's demo.py; the Japanese one is demo_multi.py");
        assertThat(names(launcher, "demo.py")).containsExactly("Demo");
        assertThat(names(launcher, "ch09/demo.py")).containsExactly("Demo");
        assertThat(launcher.list()).contains("  demo.py runs Demo: the remaster's demo.py; the Japanese one is"
                + " demo_multi.py\n");
    }

    @Test
    void theListGivesTheFirstEditionsWhereTheyDifferAndTheListedPages() {
        Launcher launcher = new Launcher("9", new Chapter("9", "demo").section("9.1", "demo", ONE, MULTI));
        assertThat(launcher.list()).contains(
                "    Demo                           ch09/demo.py                               §9.1, figure 9-1\n"
                        + "                                   Japanese, Korean first editions: §9.1, figure 9-1,"
                        + " no script\n",
                "    DemoMulti                      ch09/demo_multi.py                         §9.1, figure 9-2;"
                        + " Korean first edition p. 300\n"
                        + "                                   Japanese, Korean first editions: §9.1, figures 9-1,"
                        + " 9-2, ch09/demo.py\n");
    }

    @Test
    void namesAndFilesAreUniqueInAChapterAndAnAliasNamesOneOfItsScripts() {
        Script twin = new Script("demo", "ch09/other.py", o -> { });
        assertThatThrownBy(() -> new Chapter("9", "demo").section("9.1", "a", ONE).section("9.2", "b", twin))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has the name or the file of Demo");
        Script sameFile = new Script("Other", "ch09/demo.py", o -> { });
        assertThatThrownBy(() -> new Chapter("9", "demo").section("9.1", "a", ONE, sameFile))
                .hasMessageContaining("Other (ch09/demo.py) has the name or the file of Demo (ch09/demo.py)");
        assertThatThrownBy(() -> new Chapter("9", "demo").section("9.1", "a", ONE).alias("x.py", MULTI, ""))
                .hasMessageContaining("alias x.py names DemoMulti, which is not in the chapter");
    }

    @Test
    void helpGivesEachEditionsSectionFiguresFileAndPage() {
        assertThat(MULTI.help()).contains(
                "  Japanese edition         §9.1, figures 9-1, 9-2: ch09/demo.py, page not listed\n",
                "  Korean first edition     §9.1, figures 9-1, 9-2: ch09/demo.py, p. 300\n",
                "  Korean remaster (2025)   §9.1, figure 9-2: ch09/demo_multi.py, page not listed\n");
    }
}
