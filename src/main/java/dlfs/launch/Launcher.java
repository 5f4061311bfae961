package dlfs.launch;

import dlfs.plot.PngFiles;
import dlfs.util.UserError;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the scripts the chapters register, chosen by what the reader types:
 * <pre>
 *   (nothing)                   the default selection (e.g. section 6.2)
 *   6, ch06                     a whole chapter
 *   6.2                         a section
 *   all                         every chapter in book order
 *   WeightInitCompare           a script by its name, in any case
 *   weight_init_compare.py      a script by its file name in the Japanese or the Korean repository
 *                               (ch06/weight_init_compare.py when two chapters have the same file, as
 *                               gradient_check.py; a chapter's alias settles a name that the two repositories
 *                               use for different scripts, as batch_norm_test.py)
 *   --list                      the chapters, sections and scripts
 *   --help, -h                  this help; after a name, that script's options
 * </pre>
 * Options after the names go to every chosen script that declares them (e.g. {@code --seed 7}); all of them are
 * checked before the first script starts. A user error is one line on stderr and exit status 2.
 */
public final class Launcher {
    private final List<Chapter> chapters;
    private final String defaultSelection;

    public Launcher(String defaultSelection, Chapter... chapters) {
        this.chapters = List.of(chapters);
        this.defaultSelection = defaultSelection;
    }

    /** For the launcher's {@code main}: runs what args choose; after a user error, exits with status 2. */
    public void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the chosen scripts; returns 0, or 2 after printing a user error on {@code err}. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        int first = 0;
        while (first < args.length && !args[first].startsWith("-")) {
            first++;
        }
        String[] options = Arrays.copyOfRange(args, first, args.length);
        try {
            List<Script> chosen = select(Arrays.copyOfRange(args, 0, first));
            if (Script.wantsHelp(options)) {
                out.print(first == 0 ? help() : helpOf(chosen));
                return 0;
            }
            if (Arrays.asList(options).contains("--list")) {
                out.print(list());
                return 0;
            }
            Map<Script, Options> values = new LinkedHashMap<>();
            for (Script s : chosen) {                          // every option checked before anything runs
                values.put(s, s.parse(optionsFor(s, chosen, options)));
                s.prepare();
            }
            runAll(values, out);
            Figures.awaitWindows();                         // each script's windows stay open until the reader closes them
            return 0;
        } catch (UserError e) {
            err.println("dlfs: " + e.getMessage());
            return 2;
        }
    }

    private static void runAll(Map<Script, Options> values, PrintStream out) {
        Map<Script, Double> seconds = new LinkedHashMap<>();
        long all = System.nanoTime();
        for (Map.Entry<Script, Options> e : values.entrySet()) {
            String name = e.getKey().name();
            out.println("######## " + name + " ########");
            long start = System.nanoTime();
            e.getKey().run(e.getValue());
            seconds.put(e.getKey(), (System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "######## %s done in %.1f s%n%n", name, seconds.get(e.getKey()));
        }
        if (values.size() > 1) {
            out.printf(Locale.ROOT, "######## %d scripts done in %.1f s; figures in %s%n", values.size(),
                    (System.nanoTime() - all) / 1e9, PngFiles.figuresDir());
            seconds.forEach((s, t) -> out.printf(Locale.ROOT, "  %-32s %7.1f s%n", s.name(), t));
        }
    }

    // ------------------------------------------------------------------ choosing scripts

    /** The scripts that chapters, sections, "all", names and file names select; none means the default selection. */
    public List<Script> select(String... selection) {
        if (selection.length == 0) {
            selection = new String[] {defaultSelection};
        }
        Set<Script> chosen = new LinkedHashSet<>();
        for (String s : selection) {
            chosen.addAll(resolve(s));
        }
        return new ArrayList<>(chosen);
    }

    private List<Script> resolve(String s) {
        if (s.equalsIgnoreCase("all")) {
            List<Script> all = new ArrayList<>();
            chapters.forEach(c -> all.addAll(c.scripts()));
            return all;
        }
        for (Chapter c : chapters) {
            if (s.equals(c.number()) || s.equalsIgnoreCase(c.folder()) || s.equalsIgnoreCase("chapter" + c.number())) {
                return c.scripts();
            }
            for (Chapter.Section section : c.sections()) {
                if (s.equals(section.number())) {
                    return section.scripts();
                }
            }
        }
        List<Script> named = named(s);
        if (named.size() == 1) {
            return named;
        }
        if (named.size() > 1) {
            List<String> qualified = new ArrayList<>();
            for (Script n : named) {
                qualified.add(chapterOf(n).folder() + "/" + (n.fileNames().contains(s) ? s : n.name()));
            }
            if (new LinkedHashSet<>(qualified).size() < qualified.size()) {   // one chapter, and no alias settles it
                throw new UserError("'" + s + "' names more than one script: " + String.join(" and ",
                        named.stream().map(Script::name).toList()) + "; run one by its name");
            }
            throw new UserError("'" + s + "' is in more than one chapter; say which: " + String.join(" or ", qualified));
        }
        String guess = DidYouMean.closest(s, allNames());
        throw new UserError("'" + Options.shorten(s) + "' is neither a chapter, a section (" + sectionNumbers()
                + ", all) nor a script" + (guess == null ? "" : "; did you mean " + guess + "?")
                + " (--list shows them all)");
    }

    /**
     * The scripts called {@code s}, optionally after "ch06/": the one a chapter's alias names, else those with that
     * name (any case) or that file name in any edition's repository.
     */
    private List<Script> named(String s) {
        List<Script> found = new ArrayList<>();
        for (Chapter c : chapters) {
            String rest = s;
            if (s.toLowerCase(Locale.ROOT).startsWith(c.folder() + "/")) {
                rest = s.substring(c.folder().length() + 1);
            } else if (s.contains("/")) {
                continue;
            }
            Chapter.Alias alias = aliasOf(c, rest);
            if (alias != null) {
                found.add(alias.script());
                continue;
            }
            for (Script script : c.scripts()) {
                if (script.name().equalsIgnoreCase(rest) || script.fileNames().contains(rest)) {
                    found.add(script);
                }
            }
        }
        return found;
    }

    private static Chapter.Alias aliasOf(Chapter c, String name) {
        for (Chapter.Alias a : c.aliases()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private Chapter chapterOf(Script s) {
        for (Chapter c : chapters) {
            if (c.scripts().contains(s)) {
                return c;
            }
        }
        throw new IllegalStateException(s.name() + " is in no chapter");
    }

    private List<String> allNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Chapter c : chapters) {
            for (Script s : c.scripts()) {
                names.add(s.name());
                names.addAll(s.fileNames());
            }
        }
        return new ArrayList<>(names);
    }

    private String sectionNumbers() {
        List<String> numbers = new ArrayList<>();
        for (Chapter c : chapters) {
            c.sections().forEach(s -> numbers.add(s.number()));
        }
        return String.join(", ", numbers);
    }

    // ------------------------------------------------------------------ options

    /**
     * The options meant for one script: those it declares, with their values. An option that no chosen script
     * declares is an error (with a "did you mean"), whichever script it was meant for.
     */
    static String[] optionsFor(Script mine, List<Script> chosen, String[] options) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            String name = options[i].substring(options[i].startsWith("--") ? 2 : 0);
            Script owner = ownerOf(name, chosen);
            if (owner == null || !options[i].startsWith("--")) {
                throw unknown(options[i], chosen);
            }
            boolean valued = owner.takesValue(name);
            if (valued && (i + 1 >= options.length || options[i + 1].startsWith("--"))) {
                throw new UserError(options[i] + " lacks a value (e.g. " + options[i] + " 7)");
            }
            if (mine.has(name)) {
                out.add(options[i]);
                if (valued) {
                    out.add(options[i + 1]);
                }
            }
            i += valued ? 1 : 0;
        }
        return out.toArray(new String[0]);
    }

    private static UserError unknown(String arg, List<Script> chosen) {
        if (!arg.startsWith("-")) {
            return new UserError("unexpected argument '" + Options.shorten(arg) + "': script names, sections and"
                    + " chapters go before the options");
        }
        Set<String> all = new LinkedHashSet<>();
        for (Script s : chosen) {
            all.addAll(s.optionNames());
        }
        String guess = DidYouMean.closest(arg.replaceFirst("^-+", ""), all);
        return new UserError("unknown option " + Options.shorten(arg) + (guess == null ? "" : " (did you mean --"
                + guess + "?)") + "; " + (chosen.size() == 1 ? chosen.get(0).name() + " takes "
                : "the chosen scripts take ") + (all.isEmpty() ? "no options" : "--" + String.join(", --", all))
                + " (NAME --help for details)");
    }

    private static Script ownerOf(String name, List<Script> chosen) {
        for (Script s : chosen) {
            if (s.has(name)) {
                return s;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ help and list

    private String help() {
        return "Deep Learning from Scratch, one Java main per book script.\n"
                + "Usage: mvn -q compile exec:java [-Dexec.args=\"WHAT [OPTIONS]\"]\n"
                + "  WHAT     a chapter (" + chapterNumbers() + "), a section (e.g. 6.2), all, script names or their"
                + " file names in\n           the Japanese or the Korean (remaster) repository;\n"
                + "           nothing = " + defaultSelection + "\n"
                + "  OPTIONS  go to every chosen script that has them; NAME --help lists a script's options\n"
                + "  --list   the chapters, sections and scripts\n\n" + list();
    }

    private String chapterNumbers() {
        List<String> numbers = new ArrayList<>();
        chapters.forEach(c -> numbers.add(c.number()));
        return String.join(", ", numbers);
    }

    /**
     * The chapters, their sections, and each script with its file in the Korean remaster's repository and where
     * the book shows it; a second line where the Japanese and Korean first editions differ, the pages where an
     * edition's repository lists the script, and each alias with its note.
     */
    String list() {
        StringBuilder s = new StringBuilder("""
                Files: the Korean remaster's repository (2025). Sections and figures: the same in the Japanese
                edition, the Korean first edition and the remaster, unless a second line gives the first editions'.
                Pages: where an edition's repository lists the script; only the Korean first edition's are listed.
                """);
        for (Chapter c : chapters) {
            s.append("Chapter ").append(c.number()).append(' ').append(c.title()).append('\n');
            for (Chapter.Section section : c.sections()) {
                s.append("  §").append(section.number()).append(' ').append(section.title()).append('\n');
                for (Script script : section.scripts()) {
                    s.append(String.format(Locale.ROOT, "    %-30s %-42s %s%s%n", script.name(),
                            script.file() == null ? "(beyond the book)" : script.file(), script.where(), pages(script)));
                    Script.Listing first = script.listing(Edition.JAPANESE);
                    if (!sameScript(first, script.listing(Edition.KOREAN_REMASTER))) {
                        s.append(String.format(Locale.ROOT, "    %-30s Japanese, Korean first editions: %s%n", "",
                                first.where() + ", " + (first.file() == null ? "no script" : first.file())));
                    }
                }
            }
            for (Chapter.Alias a : c.aliases()) {
                s.append(Script.wrap(String.format(Locale.ROOT, "  %s runs %s: %s", a.name(), a.script().name(),
                        a.note()), 4));
            }
        }
        return s.toString();
    }

    /** "; Korean first edition p. 212", or "" when no repository lists a page. */
    private static String pages(Script script) {
        StringBuilder s = new StringBuilder();
        for (Edition e : Edition.values()) {
            if (script.listing(e).page() != null) {
                s.append("; ").append(e.title()).append(" p. ").append(script.listing(e).page());
            }
        }
        return s.toString();
    }

    private static boolean sameScript(Script.Listing a, Script.Listing b) {
        return Objects.equals(a.file(), b.file()) && a.section().equals(b.section()) && a.figures().equals(b.figures());
    }

    private static String helpOf(List<Script> chosen) {
        StringBuilder s = new StringBuilder();
        for (Script script : chosen) {
            s.append(script.help()).append('\n');
        }
        return s.toString();
    }
}
