package dlfs.network;

import java.util.Locale;

/**
 * How the initial weights are scaled, book §6.2: W = scale · randn(n, m) where n is the previous layer's
 * size. A fixed standard deviation (σ = 1, 0.01 …), Xavier (σ = √(1/n), §6.2.2), He (σ = √(2/n), §6.2.3), or
 * all-zero (the symmetry problem of §6.2.1). The book's {@code weight_init_std} spellings map onto it through
 * {@link #parse}: 'relu'/'he', 'sigmoid'/'xavier', or a number.
 */
public final class WeightInit {
    public static final WeightInit XAVIER = new WeightInit("Xavier", Double.NaN);
    public static final WeightInit HE = new WeightInit("He", Double.NaN);
    public static final WeightInit ZERO = new WeightInit("zero", 0.0);

    private final String name;
    private final double std;   // the fixed σ, or NaN for Xavier and He

    private WeightInit(String name, double std) {
        this.name = name;
        this.std = std;
    }

    /** A fixed standard deviation, e.g. {@code std(0.01)} (the book's {@code weight_init_std=0.01}). */
    public static WeightInit std(double std) {
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("WeightInit.std: std=" + std + " must be a finite number > 0"
                    + " (use WeightInit.ZERO for all-zero weights)");
        }
        return new WeightInit("std=" + formatStd(std), std);
    }

    /** The book's spellings: "relu" or "he", "sigmoid" or "xavier", "zero", or a number such as "0.01". */
    public static WeightInit parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "relu", "he" -> HE;
            case "sigmoid", "xavier" -> XAVIER;
            case "zero", "0" -> ZERO;
            default -> parseStd(s);
        };
    }

    private static WeightInit parseStd(String s) {
        try {
            double std = Double.parseDouble(s.trim());
            return std == 0 ? ZERO : std(std);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("WeightInit: '" + s + "' is not one of relu, he, sigmoid,"
                    + " xavier, zero or a number such as 0.01");
        }
    }

    /** The standard deviation for a layer whose input has {@code n} nodes (the book's {@code scale}). */
    public double scale(int n) {
        if (this == XAVIER) {
            return Math.sqrt(1.0 / n);    // Xavier: σ = √(1/n)
        }
        if (this == HE) {
            return Math.sqrt(2.0 / n);    // He: σ = √(2/n)
        }
        return std;
    }

    /** "std=0.01", "Xavier", "He" or "zero": the labels the book prints. */
    @Override
    public String toString() {
        return name;
    }

    private static String formatStd(double std) {
        return std == Math.rint(std) ? String.valueOf((long) std) : String.valueOf(std);
    }
}
