package dlfs.chapter6;

import dlfs.util.UserError;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The launcher of chapter 6, the default main class of {@code mvn -q compile exec:java}:
 * <pre>
 *   (no arguments)          section 6.2, initial weight values
 *   6.1 … 6.5               every experiment of one section
 *   all                     the whole chapter in book order
 *   WeightInitCompare …     experiments by name (any case)
 *   --list                  the sections and experiments
 *   --help, -h              this help; after a name, that experiment's options
 * </pre>
 * Options after the names go to every chosen experiment that has them (e.g. {@code --seed 7}); all of them are
 * checked before the first experiment starts.
 */
public final class Chapter6 {
    /** One experiment: its book section, its options and its script. */
    record Entry(String section, Options options, Experiment.Script script) {
    }

    /** Every experiment in book order: name → entry. */
    static final Map<String, Entry> EXPERIMENTS = new LinkedHashMap<>();
    /** "6.1" → "updating parameters". */
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();
    /** The section a run without arguments shows. */
    static final String DEFAULT_SECTION = "6.2";

    static {
        SECTIONS.put("6.1", "updating parameters");
        register("6.1", OptimizerCompareNaive.OPTIONS, OptimizerCompareNaive::run);
        register("6.1", OptimizerCompareMnist.OPTIONS, OptimizerCompareMnist::run);
        SECTIONS.put("6.2", "initial weight values");
        register("6.2", WeightInitZeroSymmetry.OPTIONS, WeightInitZeroSymmetry::run);
        register("6.2", WeightInitActivationHistogram.OPTIONS, WeightInitActivationHistogram::run);
        register("6.2", WeightInitGradientFlow.OPTIONS, WeightInitGradientFlow::run);
        register("6.2", WeightInitCompare.OPTIONS, WeightInitCompare::run);
        SECTIONS.put("6.3", "batch normalization");
        register("6.3", BatchNormCompare.OPTIONS, BatchNormCompare::run);
        register("6.3", BatchNormGradientCheck.OPTIONS, BatchNormGradientCheck::run);
        SECTIONS.put("6.4", "regularization");
        register("6.4", OverfitWeightDecay.OPTIONS, OverfitWeightDecay::run);
        register("6.4", OverfitDropout.OPTIONS, OverfitDropout::run);
        SECTIONS.put("6.5", "hyperparameter search");
        register("6.5", HyperparameterOptimization.OPTIONS, HyperparameterOptimization::run);
    }

    private static void register(String section, Options options, Experiment.Script script) {
        EXPERIMENTS.put(options.experiment, new Entry(section, options, script));
    }

    private Chapter6() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the chosen experiments; returns 0, or 2 after printing a user error. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int first = 0;
        while (first < args.length && !args[first].startsWith("-")) {
            first++;
        }
        String[] options = Arrays.copyOfRange(args, first, args.length);
        try {
            List<String> names = experimentsFor(Arrays.copyOfRange(args, 0, first));
            if (Options.wantsHelp(options)) {
                out.print(first == 0 ? help() : helpOf(names));
                return 0;
            }
            if (Arrays.asList(options).contains("--list")) {
                out.print(list());
                return 0;
            }
            Map<String, Options.Values> values = new LinkedHashMap<>();
            for (String name : names) {                       // every option checked before anything runs
                Entry e = EXPERIMENTS.get(name);
                values.put(name, e.options().parse(optionsFor(e.options(), names, options)));
                Experiment.prepare(e.options());
            }
            for (String name : names) {
                out.println("######## " + name + " ########");
                long start = System.nanoTime();
                EXPERIMENTS.get(name).script().run(values.get(name));
                out.printf(Locale.ROOT, "######## %s done in %.1f s%n%n", name, (System.nanoTime() - start) / 1e9);
            }
            return 0;
        } catch (UserError e) {
            err.println("Chapter6: " + e.getMessage());
            return 2;
        }
    }

    /** The experiments that section numbers, "all" and names (any case) select; none means the default section. */
    static List<String> experimentsFor(String[] selection) {
        if (selection.length == 0) {
            return sectionOf(DEFAULT_SECTION);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String s : selection) {
            if (s.equalsIgnoreCase("all")) {
                names.addAll(EXPERIMENTS.keySet());
            } else if (SECTIONS.containsKey(s)) {
                names.addAll(sectionOf(s));
            } else {
                names.add(experimentNamed(s));
            }
        }
        return new ArrayList<>(names);
    }

    private static String experimentNamed(String s) {
        for (String name : EXPERIMENTS.keySet()) {
            if (name.equalsIgnoreCase(s)) {
                return name;
            }
        }
        String guess = DidYouMean.closest(s, EXPERIMENTS.keySet());
        throw new UserError("'" + s + "' is neither a section (" + String.join(", ", SECTIONS.keySet()) + ", all) nor"
                + " an experiment" + (guess == null ? "" : "; did you mean " + guess + "?")
                + " (--list shows them all)");
    }

    private static List<String> sectionOf(String section) {
        List<String> names = new ArrayList<>();
        EXPERIMENTS.forEach((name, e) -> {
            if (e.section().equals(section)) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * The options meant for one experiment: those it declares, with their values. An option that no chosen
     * experiment declares is an error (with a "did you mean"), whichever experiment it was meant for.
     */
    static String[] optionsFor(Options mine, List<String> chosen, String[] options) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            String name = options[i].substring(options[i].startsWith("--") ? 2 : 0);
            Options owner = ownerOf(name, chosen);
            if (owner == null || !options[i].startsWith("--")) {
                throw unknown(options[i], chosen);
            }
            boolean valued = owner.takesValue(name);
            if (valued && (i + 1 >= options.length || options[i + 1].startsWith("--"))) {
                throw new UserError(options[i] + " lacks a value (e.g. " + options[i] + " 7)");
            }
            if (mine.has(name)) {
                out.add(options[i]);
                if (valued && i + 1 < options.length) {
                    out.add(options[i + 1]);
                }
            }
            i += valued ? 1 : 0;
        }
        return out.toArray(new String[0]);
    }

    private static UserError unknown(String arg, List<String> chosen) {
        if (!arg.startsWith("-")) {
            return new UserError("unexpected argument '" + arg + "': experiment names and sections go before the"
                    + " options");
        }
        Set<String> all = new LinkedHashSet<>();
        for (String n : chosen) {
            all.addAll(EXPERIMENTS.get(n).options().optionNames());
        }
        String guess = DidYouMean.closest(arg.replaceFirst("^-+", ""), all);
        return new UserError("unknown option " + arg + (guess == null ? "" : " (did you mean --" + guess + "?)")
                + "; " + (chosen.size() == 1 ? chosen.get(0) + " takes " : "the chosen experiments take ")
                + (all.isEmpty() ? "no options" : "--" + String.join(", --", all)) + " (NAME --help for details)");
    }

    private static Options ownerOf(String name, List<String> chosen) {
        for (String n : chosen) {
            if (EXPERIMENTS.get(n).options().has(name)) {
                return EXPERIMENTS.get(n).options();
            }
        }
        return null;
    }

    private static String help() {
        StringBuilder s = new StringBuilder("Chapter 6 of Deep Learning from Scratch, one experiment per book script.\n"
                + "Usage: mvn -q compile exec:java [-Dexec.args=\"WHAT [OPTIONS]\"]\n"
                + "  WHAT     a section (6.1 ... 6.5), all, or experiment names; nothing = section "
                + DEFAULT_SECTION + "\n"
                + "  OPTIONS  go to every chosen experiment that has them; NAME --help lists an experiment's options\n"
                + "  --list   the sections and experiments\n\n");
        s.append(list());
        return s.toString();
    }

    private static String list() {
        StringBuilder s = new StringBuilder();
        SECTIONS.forEach((number, title) -> {
            s.append("§").append(number).append(' ').append(title).append('\n');
            for (String name : sectionOf(number)) {
                Options o = EXPERIMENTS.get(name).options();
                s.append(String.format(Locale.ROOT, "  %-30s %-36s %s%n", name, o.bookScript.isEmpty()
                        ? "(beyond the book)" : o.bookScript, o.runTime));
            }
        });
        return s.toString();
    }

    private static String helpOf(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (String name : names) {
            s.append(EXPERIMENTS.get(name).options().help()).append('\n');
        }
        return s.toString();
    }
}
