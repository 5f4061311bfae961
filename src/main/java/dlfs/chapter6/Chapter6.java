package dlfs.chapter6;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the experiments of chapter 6, the default main class of {@code mvn -q compile exec:java}.
 * <pre>
 *   (no arguments)          section 6.2, initial weight values (about a minute)
 *   6.1 … 6.5               every experiment of one section
 *   all                     the whole chapter in book order (about 7 minutes on 2 cores)
 *   WeightInitCompare …     experiments by name
 *   --list                  the sections and experiments
 * </pre>
 * Arguments starting with "--" (e.g. {@code --seed 7}, {@code --show}) go to every experiment run.
 */
public final class Chapter6 {
    /** Every experiment: name → main. */
    static final Map<String, Consumer<String[]>> EXPERIMENTS = new LinkedHashMap<>();
    /** The book's sections: "6.1" → its experiments in book order. */
    static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();
    /** "6.1" → "updating parameters". */
    private static final Map<String, String> TITLES = new LinkedHashMap<>();
    /** The section a run without arguments shows. */
    static final String DEFAULT_SECTION = "6.2";

    static {
        TITLES.put("6.1", "updating parameters");
        register("6.1", "OptimizerCompareNaive", OptimizerCompareNaive::main);                 // §6.1.7, fig. 6-8
        register("6.1", "OptimizerCompareMnist", OptimizerCompareMnist::main);                 // §6.1.8, fig. 6-9
        TITLES.put("6.2", "initial weight values");
        register("6.2", "WeightInitZeroSymmetry", WeightInitZeroSymmetry::main);               // §6.2.1
        register("6.2", "WeightInitActivationHistogram", WeightInitActivationHistogram::main); // §6.2.2-6.2.3
        register("6.2", "WeightInitGradientFlow", WeightInitGradientFlow::main);               // §6.2.2
        register("6.2", "WeightInitCompare", WeightInitCompare::main);                         // §6.2.4, fig. 6-15
        TITLES.put("6.3", "batch normalization");
        register("6.3", "BatchNormCompare", BatchNormCompare::main);                   // §6.3.2, fig. 6-18, 6-19
        register("6.3", "BatchNormGradientCheck", BatchNormGradientCheck::main);
        TITLES.put("6.4", "regularization");
        register("6.4", "OverfitWeightDecay", OverfitWeightDecay::main);               // §6.4.2, fig. 6-20, 6-21
        register("6.4", "OverfitDropout", OverfitDropout::main);                       // §6.4.3, fig. 6-23
        TITLES.put("6.5", "hyperparameter search");
        register("6.5", "HyperparameterOptimization", HyperparameterOptimization::main);   // §6.5.3, fig. 6-24
    }

    private static void register(String section, String name, Consumer<String[]> main) {
        EXPERIMENTS.put(name, main);
        SECTIONS.computeIfAbsent(section, k -> new ArrayList<>()).add(name);
    }

    private Chapter6() {
    }

    public static void main(String[] args) {
        int i = 0;
        while (i < args.length && !args[i].startsWith("--")) {
            i++;
        }
        String[] options = Arrays.copyOfRange(args, i, args.length);
        Args.check(options);
        if (Arrays.asList(options).contains("--list")) {
            SECTIONS.forEach((number, names) -> System.out.println("§" + number + " " + TITLES.get(number) + ": "
                    + String.join(", ", names)));
            return;
        }
        List<String> toRun = experimentsFor(Arrays.copyOfRange(args, 0, i));
        for (String name : toRun) {
            System.out.println("######## " + name + " ########");
            long start = System.nanoTime();
            EXPERIMENTS.get(name).accept(options);
            System.out.printf("######## %s done in %.1f s%n%n", name, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The experiments that section numbers, "all" and names select; no selection means the default section. */
    static List<String> experimentsFor(String[] selection) {
        if (selection.length == 0) {
            return SECTIONS.get(DEFAULT_SECTION);
        }
        List<String> names = new ArrayList<>();
        for (String s : selection) {
            if (s.equals("all")) {
                names.addAll(EXPERIMENTS.keySet());
            } else if (SECTIONS.containsKey(s)) {
                names.addAll(SECTIONS.get(s));
            } else if (EXPERIMENTS.containsKey(s)) {
                names.add(s);
            } else {
                throw new IllegalArgumentException("Chapter6: '" + s + "' is neither a section (" + SECTIONS.keySet()
                        + ", all) nor an experiment (" + String.join(", ", EXPERIMENTS.keySet()) + ")");
            }
        }
        return names;
    }
}
