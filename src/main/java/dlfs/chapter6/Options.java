package dlfs.chapter6;

import dlfs.util.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The command-line options of one experiment: each with its default (the book's value), the values it allows
 * and what it means. Parsing rejects anything the experiment does not declare, so a typo never silently runs
 * the default, and checks every value before the experiment starts.
 *
 * <pre>
 * static final Options OPTIONS = new Options("MyExperiment", "§6.2.4, figure 6-15", "weight_init_compare.py",
 *         "about 20 s").seed().number("iterations", 2000, 11, 1_000_000, "…").show();
 * </pre>
 */
final class Options {
    /** One option: a whole number in [min, max], a flag, or a word checked by {@code check}. */
    private record Option(String name, Object defaultValue, long min, long max, Consumer<String> check,
                          String help, boolean inFigureName) {
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

    final String experiment;
    final String bookSection;    // "§6.2.4, figure 6-15"
    final String bookScript;     // "weight_init_compare.py", or "" for an experiment beyond the book
    final String runTime;        // "about 20 s on 2 cores"
    private final Map<String, Option> options = new LinkedHashMap<>();
    private String summary = "";
    private String figures = "";

    Options(String experiment, String bookSection, String bookScript, String runTime) {
        this.experiment = experiment;
        this.bookSection = bookSection;
        this.bookScript = bookScript;
        this.runTime = runTime;
    }

    /** One or two sentences for --help: what the experiment does. */
    Options summary(String summary) {
        this.summary = summary;
        return this;
    }

    /** The figure files written with the default options, e.g. "weight_init_compare.png"; "" if none. */
    Options figures(String figures) {
        this.figures = figures;
        return this;
    }

    /** {@code --seed N}: the book's {@code np.random.seed(N)} at the top of the script, 0 by default. */
    Options seed() {
        return number("seed", 0, 0, 4_294_967_295L,
                "the np.random.seed(N) of the book's script; with the default 0 the numbers are the book's");
    }

    /** {@code --show}: also open the figure in a window, as the book's {@code plt.show()}. */
    Options show() {
        return flag("show", "also open the figure in a window (the book's plt.show()); ignored without a display");
    }

    /** A whole number in [min, max]; {@code help} says what it is and, where a bound has a reason, why. */
    Options number(String name, long defaultValue, long min, long max, String help) {
        return add(new Option(name, defaultValue, min, max, null, help, true));
    }

    /** A flag; flags never change the results, so they never appear in a figure's name. */
    Options flag(String name, String help) {
        return add(new Option(name, Boolean.FALSE, 0, 0, null, help, false));
    }

    /** A word, checked by {@code check} (which throws IllegalArgumentException with the reason); null = no default. */
    Options word(String name, String defaultValue, Consumer<String> check, boolean inFigureName, String help) {
        return add(new Option(name, defaultValue, 0, 0, check, help, inFigureName));
    }

    private Options add(Option option) {
        options.put(option.name(), option);
        return this;
    }

    /** Whether this experiment declares {@code --name}. */
    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The declared option names, without "--". */
    java.util.Set<String> optionNames() {
        return options.keySet();
    }

    /** The names of the options that go into a figure's name when they differ from their defaults. */
    java.util.List<String> figureNameOptions() {
        return options.values().stream().filter(Option::inFigureName).map(Option::name).toList();
    }

    /** Whether {@code --name} is followed by a value (false for flags and undeclared names). */
    boolean takesValue(String name) {
        Option o = options.get(name);
        return o != null && !o.isFlag();
    }

    /** Whether the experiment writes figures (then the folder must be writable before it starts). */
    boolean writesFigures() {
        return !figures.isEmpty();
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

    /** Parses and checks every option; throws a UserError naming the option, the value and what is allowed. */
    Values parse(String[] args) {
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
        return new Values(this, values);
    }

    private Option find(String arg) {
        if (!arg.startsWith("--")) {
            throw new UserError("unexpected argument '" + arg + "': " + experiment + " takes only options ("
                    + names() + "); see --help");
        }
        Option o = options.get(arg.substring(2));
        if (o == null) {
            String guess = DidYouMean.closest(arg.substring(2), options.keySet());
            throw new UserError("unknown option " + arg + (guess == null ? "" : " (did you mean --" + guess + "?)")
                    + "; " + experiment + " takes " + names());
        }
        return o;
    }

    private static Object value(Option o, String text) {
        if (!o.isNumber()) {
            try {
                o.check().accept(text);
            } catch (IllegalArgumentException e) {
                throw new UserError("--" + o.name() + " " + text + ": " + e.getMessage());
            }
            return text;
        }
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError("--" + o.name() + " " + text + ": not a whole number (allowed " + range(o) + ")");
        }
        if (v < o.min() || v > o.max()) {
            throw new UserError("--" + o.name() + " " + v + " is out of range: allowed " + range(o) + " (" + o.help()
                    + ")");
        }
        return v;
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

    /** The text of {@code --help}: what it is, its options with defaults and ranges, the figure, the run time. */
    String help() {
        StringBuilder s = new StringBuilder(experiment).append(" - book ").append(bookSection)
                .append(bookScript.isEmpty() ? " (beyond the book)" : " (ch06/" + bookScript + ")").append('\n');
        if (!summary.isEmpty()) {
            s.append(wrap(summary, 0));
        }
        s.append("Runs ").append(runTime).append(".\n\nOptions:\n");
        for (Option o : options.values()) {
            String what = (o.isFlag() ? "" : o.isNumber() ? "default " + o.defaultValue() + ", allowed " + range(o) + ": "
                    : o.defaultValue() == null ? "" : "default " + o.defaultValue() + ": ") + o.help();
            s.append(wrap(String.format(Locale.ROOT, "  %-16s %s", o.usage(), what), 19));
        }
        s.append(String.format(Locale.ROOT, "  %-16s %s%n", "--help, -h", "this help"));
        if (!figures.isEmpty()) {
            s.append("\nFigures: figures/").append(figures).append('\n').append(wrap("Options other than the"
                    + " defaults go into the file name (e.g. -seed7), so the figures made with the book's settings stay"
                    + " as they are; -Ddlfs.figures=DIR writes into another folder.", 0));
        }
        return s.toString();
    }

    /** Breaks a help line at spaces before column 100, continuing after {@code indent} spaces. */
    private static String wrap(String line, int indentWidth) {
        StringBuilder out = new StringBuilder();
        String indent = " ".repeat(indentWidth);
        while (line.length() > 100) {
            int cut = line.lastIndexOf(' ', 100);
            out.append(line, 0, cut).append('\n');
            line = indent + line.substring(cut + 1);
        }
        return out.append(line).append('\n').toString();
    }

    /** The parsed values, every option present (its default if not given). */
    static final class Values {
        private final Options options;
        private final Map<String, Object> given;

        private Values(Options options, Map<String, Object> given) {
            this.options = options;
            this.given = given;
        }

        private Object get(String name) {
            Option o = options.options.get(name);
            if (o == null) {
                throw new IllegalStateException(options.experiment + " reads --" + name + " but does not declare it");
            }
            return given.getOrDefault(name, o.defaultValue());
        }

        long seed() {
            return (Long) get("seed");
        }

        int number(String name) {
            return Math.toIntExact((Long) get(name));
        }

        boolean flag(String name) {
            return (Boolean) get(name);
        }

        /** The word given for {@code --name}, or its default (null if none). */
        String word(String name) {
            return (String) get(name);
        }

        /**
         * The figure's file name (without .png): {@code base} with the defaults, else {@code base} followed by each
         * option that differs from its default, e.g. {@code weight_init_compare-seed7-iterations300}, so a run with
         * other options never overwrites the figure made with the book's settings.
         */
        String figureName(String base) {
            StringBuilder name = new StringBuilder(base);
            for (Option o : options.options.values()) {
                Object v = given.get(o.name());
                if (o.inFigureName() && v != null && !v.equals(o.defaultValue())) {
                    name.append('-').append(o.name()).append(v.toString().replaceAll("[^A-Za-z0-9.]", ""));
                }
            }
            return name.toString();
        }
    }
}
