package dlfs.chapter6;

import java.util.List;

/** The few command-line options of the experiment mains: {@code --seed 7}, {@code --iterations 300}, … */
final class Args {
    private Args() {
    }

    /** Options followed by a value. */
    static final List<String> WITH_VALUE = List.of("--seed", "--iterations", "--activation", "--init", "--threads");
    /** Options that stand alone. */
    static final List<String> FLAGS = List.of("--show", "--quiet", "--list");

    /**
     * Throws on an option no experiment knows (a typo such as {@code --iteration} must not silently run the
     * default) and on a word that is neither an option nor an option's value.
     */
    static void check(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!FLAGS.contains(args[i])) {
                throw new IllegalArgumentException(args[i].startsWith("--")
                        ? "unknown option " + args[i] + " (options: " + String.join(", ", WITH_VALUE) + " N, "
                                + String.join(", ", FLAGS) + ")"
                        : "unexpected argument '" + args[i] + "' (experiment names and sections go before the options)");
            }
        }
    }

    /** The value after {@code name}, or {@code fallback} if {@code name} is absent. */
    static String value(String[] args, String name, String fallback) {
        check(args);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(name + ": missing value (e.g. " + name + " 7)");
                }
                return args[i + 1];
            }
        }
        return fallback;
    }

    static long longValue(String[] args, String name, long fallback) {
        String v = value(args, name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not a whole number");
        }
    }

    /** A whole number in [min, max]. */
    static int intValue(String[] args, String name, int fallback, int min, int max) {
        long v = longValue(args, name, fallback);
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + ": " + v + " is out of range (allowed " + min + ".." + max + ")");
        }
        return (int) v;
    }
}
