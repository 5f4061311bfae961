package dlfs.launch;

import dlfs.util.UserError;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One of the book's scripts as a Java main: its name, the book's file and section, what it does, its options
 * (each with the book's value as default, the values it allows and why) and its body. Parsing refuses anything
 * the script does not declare, so a typo never silently runs the default, and checks every value before the
 * body starts. Where the three editions ({@link Edition}) differ, {@link #firstEditions} and {@link #page} say
 * how, and --help shows each edition's section, figures, file and page.
 *
 * <pre>
 * static final Script SCRIPT = new Script("WeightInitCompare", "ch06/weight_init_compare.py",
 *         WeightInitCompare::run).book("6.2.4", "6-15").page(Edition.KOREAN_FIRST, "209")
 *         .figures("weight_init_compare.png")
 *         .seed().number("iterations", 2000, 11, 1_000_000, "max_iterations").show();
 *
 * public static void main(String[] args) {
 *     SCRIPT.main(args);
 * }
 * </pre>
 */
public final class Script {
    /** The body of a script: the book's code, given the checked options. */
    public interface Body {
        void run(Options options);
    }

    /** One option: a whole number in [min, max], a flag, or a word checked by {@code check}. */
    record Option(String name, Object defaultValue, long min, long max, Consumer<String> check, String help,
                  boolean inFigureName) {
        boolean isFlag() {
            return defaultValue instanceof Boolean;
        }

        boolean isNumber() {
            return defaultValue instanceof Long;
        }

        String usage() {
            return "--" + name + (isFlag() ? "" : isNumber() ? " N" : " VALUE");
        }
    }

    /**
     * Where one edition shows what a script draws: the script's file in that edition's repository (null: none
     * there), the section ("6.2.4"), the figures ("6-15", "6-10 to 6-14"; "" for none) and the page where the
     * repository lists the script (null: not listed).
     */
    public record Listing(String file, String section, String figures, String page) {
        /** "§6.2.4, figure 6-15" (or "figures 6-10 to 6-14"; just the section when the book shows no figure). */
        public String where() {
            String s = "§" + section;
            if (figures.isEmpty()) {
                return s;
            }
            return s + (figures.contains(" ") || figures.contains(",") ? ", figures " : ", figure ") + figures;
        }
    }

    private final String name;
    private final String file;             // "ch06/weight_init_compare.py", or null beyond the book
    private final Body body;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private final Map<Edition, Listing> listings = new EnumMap<>(Edition.class);
    private String summary = "";
    private String figures = "";           // "weight_init_compare.png"

    /**
     * A script of the book's repository, {@code file} as "ch06/weight_init_compare.py" (the Korean remaster's name,
     * which the main's name follows), or null beyond the book.
     */
    public Script(String name, String file, Body body) {
        this.name = name;
        this.file = file;
        this.body = body;
        book("", "");
    }

    /**
     * Where the book shows it: a section ("6.2.4") and its figures ("6-15"; "" for none), the same in the three
     * editions, whose repositories all have {@code file}; {@link #firstEditions} and {@link #page} then say what
     * differs.
     */
    public Script book(String section, String bookFigures) {
        for (Edition e : Edition.values()) {
            listings.put(e, new Listing(file, section, bookFigures, null));
        }
        return this;
    }

    /**
     * Where the Japanese and the Korean first edition differ from the remaster: their repositories' file (null:
     * they have none, the book only shows the figure), section and figures. Call after {@link #book}.
     */
    public Script firstEditions(String file, String section, String bookFigures) {
        for (Edition e : new Edition[] {Edition.JAPANESE, Edition.KOREAN_FIRST}) {
            listings.put(e, new Listing(file, section, bookFigures, listings.get(e).page()));
        }
        return this;
    }

    /** The page where {@code edition}'s repository lists the script ("212"). Call after {@link #book}. */
    public Script page(Edition edition, String page) {
        Listing l = listings.get(edition);
        listings.put(edition, new Listing(l.file(), l.section(), l.figures(), page));
        return this;
    }

    /** One or two sentences for --help: what the script does. */
    public Script summary(String summary) {
        this.summary = summary;
        return this;
    }

    /** The figure files written with the default options, e.g. "weight_init_compare.png"; "" if none. */
    public Script figures(String figures) {
        this.figures = figures;
        return this;
    }

    /** {@code --seed N}: the book's {@code np.random.seed(N)} at the top of the script, 0 by default. */
    public Script seed() {
        return number("seed", 0, 0, 4_294_967_295L,
                "the np.random.seed(N) of the book's script; with the default 0 the numbers are the book's");
    }

    /** {@code --show}: also open the figure in a window, as the book's {@code plt.show()}. */
    public Script show() {
        return flag("show", "also open the figure in a window (the book's plt.show()); ignored without a display");
    }

    /** A whole number in [min, max]; {@code help} says what it is and, where a bound has a reason, why. */
    public Script number(String name, long defaultValue, long min, long max, String help) {
        return add(new Option(name, defaultValue, min, max, null, help, true));
    }

    /** A flag; flags never change the results, so they never appear in a figure's name. */
    public Script flag(String name, String help) {
        return add(new Option(name, Boolean.FALSE, 0, 0, null, help, false));
    }

    /**
     * A word, checked by {@code check} (which throws IllegalArgumentException saying what is allowed); null = no
     * default. A word that changes the results goes into the figure's name.
     */
    public Script word(String name, String defaultValue, Consumer<String> check, String help) {
        return add(new Option(name, defaultValue, 0, 0, check, help, true));
    }

    private Script add(Option option) {
        options.put(option.name(), option);
        return this;
    }

    public String name() {
        return name;
    }

    /** "ch06/weight_init_compare.py", or null for a script beyond the book. */
    public String file() {
        return file;
    }

    /** "6.2.4", the remaster's section. */
    public String section() {
        return listing(Edition.KOREAN_REMASTER).section();
    }

    /** Where the remaster shows it, "§6.2.4, figure 6-15", as {@link Listing#where}. */
    public String where() {
        return listing(Edition.KOREAN_REMASTER).where();
    }

    /** Where {@code edition} shows it and the script's file in that edition's repository. */
    public Listing listing(Edition edition) {
        return listings.get(edition);
    }

    /** The file names the script has in the editions' repositories, without the folder: "batch_norm_test.py". */
    public Set<String> fileNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Listing l : listings.values()) {
            if (l.file() != null) {
                names.add(l.file().substring(l.file().indexOf('/') + 1));
            }
        }
        return names;
    }

    /** Whether this script declares {@code --name}. */
    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The declared option names, without "--". */
    Set<String> optionNames() {
        return options.keySet();
    }

    /** The names of the options that go into a figure's name when they differ from their defaults. */
    public List<String> figureNameOptions() {
        return options.values().stream().filter(Option::inFigureName).map(Option::name).toList();
    }

    /** Whether {@code --name} is followed by a value (false for flags and undeclared names). */
    boolean takesValue(String name) {
        Option o = options.get(name);
        return o != null && !o.isFlag();
    }

    Option option(String name) {
        return options.get(name);
    }

    /** Whether args ask for help ({@code --help} or {@code -h}) anywhere. */
    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ running

    /** For the script's {@code main}: runs it; after a user error, exits with status 2. */
    public void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs it without exiting: returns 0, or 2 after printing a user error on {@code err}. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (wantsHelp(args)) {
                out.print(help());
                return 0;
            }
            Options values = parse(args);
            prepare();
            body.run(values);
            Figures.awaitWindows();                     // as plt.show(): returns once its windows are closed
            return 0;
        } catch (UserError e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        }
    }

    /** Runs the body with options already checked by {@link #parse}. */
    public void run(Options options) {
        body.run(options);
    }

    /** Before any training: a script that draws figures needs a folder it can write them into. */
    void prepare() {
        if (!figures.isEmpty()) {
            Figures.requireWritable();
        }
    }

    // ------------------------------------------------------------------ parsing

    /** Parses and checks every option; throws a UserError naming the option, the value and what is allowed. */
    public Options parse(String... args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            Option o = find(args[i]);
            if (values.containsKey(o.name())) {
                throw new UserError("--" + o.name() + " is given twice");
            }
            if (o.isFlag()) {
                values.put(o.name(), Boolean.TRUE);
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UserError("--" + o.name() + " lacks a value (e.g. " + o.usage().replace("N", "7") + ")");
            }
            values.put(o.name(), value(o, args[++i]));
        }
        return new Options(this, values);
    }

    private Option find(String arg) {
        if (!arg.startsWith("--")) {
            throw new UserError("unexpected argument '" + Options.shorten(arg) + "': " + name + " takes only options ("
                    + names() + "); see --help");
        }
        Option o = options.get(arg.substring(2));
        if (o == null) {
            String guess = DidYouMean.closest(arg.substring(2), options.keySet());
            throw new UserError("unknown option " + Options.shorten(arg) + (guess == null ? "" : " (did you mean --"
                    + guess + "?)") + "; " + name + " takes " + names());
        }
        return o;
    }

    private static Object value(Option o, String text) {
        String shown = Options.shorten(text);
        if (!o.isNumber()) {
            try {
                o.check().accept(text);
            } catch (IllegalArgumentException e) {
                throw new UserError("--" + o.name() + " " + shown + ": " + e.getMessage().replace(text, shown));
            }
            return text;
        }
        String digits = text.trim();
        if (!digits.matches("[-+]?\\d+")) {
            throw new UserError("--" + o.name() + " " + shown + ": not a whole number (allowed " + range(o) + ")");
        }
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {          // more digits than a long holds: out of range either way
            throw outOfRange(o, shown);
        }
        if (v < o.min() || v > o.max()) {
            throw outOfRange(o, String.valueOf(v));
        }
        return v;
    }

    private static UserError outOfRange(Option o, String shown) {
        return new UserError("--" + o.name() + " " + shown + " is out of range: allowed " + range(o) + " (" + o.help()
                + ")");
    }

    private static String range(Option o) {
        return o.min() + ".." + o.max();
    }

    /** "--seed N, --iterations N, --show". */
    String names() {
        List<String> list = new ArrayList<>();
        for (Option o : options.values()) {
            list.add(o.usage());
        }
        return list.isEmpty() ? "no options" : String.join(", ", list);
    }

    // ------------------------------------------------------------------ help

    /** The text of {@code --help}: where it is in the book, what it does, its options with defaults and ranges. */
    public String help() {
        StringBuilder s = new StringBuilder(name).append(" - book ").append(where())
                .append(file == null ? " (beyond the book)" : " (" + file + ")").append('\n');
        if (!summary.isEmpty()) {
            s.append(wrap(summary, 0));
        }
        s.append("\nIn the book (section, figures: the script in the edition's repository, the page it lists):\n");
        for (Edition e : Edition.values()) {
            s.append(String.format(Locale.ROOT, "  %-24s %s%n", e.title(), inBook(listing(e))));   // a table row
        }
        s.append("\nOptions:\n");
        for (Option o : options.values()) {
            String what = (o.isFlag() ? "" : o.isNumber() ? "default " + o.defaultValue() + ", allowed " + range(o) + ": "
                    : o.defaultValue() == null ? "" : "default " + o.defaultValue() + ": ") + o.help();
            s.append(wrap(String.format(Locale.ROOT, "  %-16s %s", o.usage(), what), 19));
        }
        s.append(String.format(Locale.ROOT, "  %-16s %s%n", "--help, -h", "this help"));
        if (!figures.isEmpty()) {
            s.append("\nFigures: figures/").append(figures).append('\n').append(wrap("Options other than the"
                    + " defaults go into the file name (e.g. -seed7), so the figures made with the book's settings stay"
                    + " as they are; -Ddlfs.figures=DIR writes into another folder (a relative DIR from the working"
                    + " directory).", 0));
        }
        return s.toString();
    }

    /** "§6.3.2, figure 6-18: ch06/batch_norm_test.py, page not listed". */
    static String inBook(Listing l) {
        return l.where() + ": " + (l.file() == null ? "no script" : l.file()) + ", "
                + (l.page() == null ? "page not listed" : "p. " + l.page());
    }

    /** Breaks a help line at spaces before column 100, continuing after {@code indent} spaces. */
    static String wrap(String line, int indentWidth) {
        StringBuilder out = new StringBuilder();
        String indent = " ".repeat(indentWidth);
        while (line.length() > 100) {
            int cut = line.lastIndexOf(' ', 100);
            if (cut <= indentWidth) {
                break;
            }
            out.append(line, 0, cut).append('\n');
            line = indent + line.substring(cut + 1);
        }
        return out.append(line).append('\n').toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
