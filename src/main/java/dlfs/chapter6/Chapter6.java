package dlfs.chapter6;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the experiments of chapter 6. With no arguments it runs the default set (see {@link #DEFAULT}); with
 * names ({@code WeightInitCompare}, …) it runs those; {@code --list} prints them. Arguments after the names
 * that start with "--" (e.g. {@code --seed 7}, {@code --show}) are passed to every experiment run.
 */
public final class Chapter6 {
    /** Every experiment in book order: name → main. */
    static final Map<String, Consumer<String[]>> EXPERIMENTS = new LinkedHashMap<>();

    static {
        // §6.1 updating parameters (SGD, Momentum, AdaGrad, Adam)
        EXPERIMENTS.put("OptimizerCompareNaive", OptimizerCompareNaive::main);
        EXPERIMENTS.put("OptimizerCompareMnist", OptimizerCompareMnist::main);
        // §6.2 initial weight values
        EXPERIMENTS.put("WeightInitZeroSymmetry", WeightInitZeroSymmetry::main);                 // §6.2.1
        EXPERIMENTS.put("WeightInitActivationHistogram", WeightInitActivationHistogram::main);   // §6.2.2-6.2.3
        EXPERIMENTS.put("WeightInitGradientFlow", WeightInitGradientFlow::main);                 // §6.2.2
        EXPERIMENTS.put("WeightInitCompare", WeightInitCompare::main);                           // §6.2.4
        // §6.3 batch normalization
        EXPERIMENTS.put("BatchNormCompare", BatchNormCompare::main);
        EXPERIMENTS.put("BatchNormGradientCheck", BatchNormGradientCheck::main);
        // §6.4 regularization: weight decay and dropout
        EXPERIMENTS.put("OverfitWeightDecay", OverfitWeightDecay::main);
        EXPERIMENTS.put("OverfitDropout", OverfitDropout::main);
        // §6.5 validating hyperparameters
        EXPERIMENTS.put("HyperparameterOptimization", HyperparameterOptimization::main);
    }

    /** What the no-argument run does. */
    static final List<String> DEFAULT = new ArrayList<>();

    static {
        // §6.1 updating parameters
        DEFAULT.add("OptimizerCompareNaive");
        DEFAULT.add("OptimizerCompareMnist");
        // §6.2 initial weight values
        DEFAULT.add("WeightInitZeroSymmetry");
        DEFAULT.add("WeightInitActivationHistogram");
        DEFAULT.add("WeightInitGradientFlow");
        DEFAULT.add("WeightInitCompare");
        // §6.3 batch normalization
        DEFAULT.add("BatchNormCompare");
        DEFAULT.add("BatchNormGradientCheck");
        // §6.4 regularization (about 2 and 4 minutes)
        DEFAULT.add("OverfitWeightDecay");
        DEFAULT.add("OverfitDropout");
        // §6.5 hyperparameter search (about 5 minutes on 2 cores)
        DEFAULT.add("HyperparameterOptimization");
    }

    private Chapter6() {
    }

    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < args.length && !args[i].startsWith("--")) {
            names.add(args[i++]);
        }
        String[] options = Arrays.copyOfRange(args, i, args.length);
        if (Arrays.asList(options).contains("--list")) {
            EXPERIMENTS.keySet().forEach(System.out::println);
            return;
        }
        for (String name : names) {
            if (!EXPERIMENTS.containsKey(name)) {
                throw new IllegalArgumentException("Chapter6: no experiment named '" + name + "'; choose from "
                        + EXPERIMENTS.keySet());
            }
        }
        for (String name : names.isEmpty() ? DEFAULT : names) {
            System.out.println("######## " + name + " ########");
            long start = System.nanoTime();
            EXPERIMENTS.get(name).accept(options);
            System.out.printf("######## %s done in %.1f s%n%n", name, (System.nanoTime() - start) / 1e9);
        }
    }
}
