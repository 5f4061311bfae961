package dlfs.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chapter's table of contents: its sections in book order, each with the scripts that belong to it. The
 * launcher runs a chapter, a section or a script from what the chapters register here.
 *
 * <pre>
 * public static final Chapter CONTENTS = new Chapter("6", "techniques for learning")
 *         .section("6.1", "updating parameters", OptimizerCompareNaive.SCRIPT, OptimizerCompareMnist.SCRIPT)
 *         .section("6.2", "initial weight values", …);
 * </pre>
 */
public final class Chapter {
    /** A section: its number ("6.2"), title and scripts in book order. */
    public record Section(String number, String title, List<Script> scripts) {
    }

    /**
     * A name that settles which script a file name runs when two editions' repositories use it for different
     * scripts, e.g. "batch_norm_test.py", and the note that says so in --list.
     */
    record Alias(String name, Script script, String note) {
    }

    private final String number;
    private final String title;
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final List<Alias> aliases = new ArrayList<>();

    public Chapter(String number, String title) {
        this.number = number;
        this.title = title;
    }

    /** Adds a section with its scripts, after those added before. */
    public Chapter section(String number, String title, Script... scripts) {
        if (!number.startsWith(this.number + ".")) {
            throw new IllegalArgumentException("Chapter " + this.number + ": section " + number + " is not in it");
        }
        List<Script> before = scripts();
        for (Script s : scripts) {
            for (Script other : before) {
                if (other.name().equalsIgnoreCase(s.name()) || (s.file() != null && s.file().equals(other.file()))) {
                    throw new IllegalArgumentException("Chapter " + this.number + ": " + s.name() + " ("
                            + s.file() + ") has the name or the file of " + other.name() + " (" + other.file()
                            + "); a script's name and file must be unique in its chapter");
                }
            }
            before.add(s);
        }
        sections.put(number, new Section(number, title, List.of(scripts)));
        return this;
    }

    /**
     * {@code name} runs {@code script}: for a file name that two editions' repositories use for different scripts
     * ("batch_norm_test.py" draws 16 panels in the Japanese repository, one in the Korean remaster's), this says
     * which one the launcher runs; {@code note} says so, and how to run the other, in --list and --help.
     */
    public Chapter alias(String name, Script script, String note) {
        if (!scripts().contains(script)) {
            throw new IllegalArgumentException("Chapter " + number + ": alias " + name + " names " + script.name()
                    + ", which is not in the chapter (add its section first)");
        }
        aliases.add(new Alias(name, script, note));
        return this;
    }

    /** "6". */
    public String number() {
        return number;
    }

    /** "techniques for learning". */
    public String title() {
        return title;
    }

    /** The sections in book order. */
    public List<Section> sections() {
        return List.copyOf(sections.values());
    }

    /** Every script of the chapter in book order. */
    public List<Script> scripts() {
        List<Script> all = new ArrayList<>();
        for (Section s : sections.values()) {
            all.addAll(s.scripts());
        }
        return all;
    }

    List<Alias> aliases() {
        return aliases;
    }

    /** "ch06", the folder of the book's repository. */
    String folder() {
        return "ch" + (number.length() == 1 ? "0" : "") + number;
    }

    @Override
    public String toString() {
        return "Chapter " + number + " " + title;
    }
}
