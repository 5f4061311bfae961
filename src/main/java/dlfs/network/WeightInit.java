package dlfs.network;

import dlfs.util.Py;
import java.util.Locale;

/**
 * How the initial weights are scaled, book §6.2: W = scale · randn(n, m) where n is the previous layer's size.
 * A fixed standard deviation (σ = 1, 0.01 …), Xavier (σ = √(1/n), §6.2.2), He (σ = √(2/n), §6.2.3), or all-zero
 * (the symmetry problem of §6.2.1, beyond the book's code). The book's {@code weight_init_std} spellings map onto
 * it through {@link #parse}: 'relu'/'he', 'sigmoid'/'xavier', or a number.
 */
public sealed interface WeightInit permits WeightInit.Std, WeightInit.Xavier, WeightInit.He, WeightInit.Zero {
    WeightInit XAVIER = new Xavier();
    WeightInit HE = new He();
    WeightInit ZERO = new Zero();

    /** What {@link #parse} accepts, for help texts and error messages. */
    String SPELLINGS = "relu or he, sigmoid or xavier, zero, or a standard deviation > 0 such as 0.01 (std=0.01)";

    /** The standard deviation for a layer whose input has {@code n} nodes (the book's {@code scale}). */
    double scale(int n);

    /** A fixed standard deviation, e.g. {@code std(0.01)} (the book's {@code weight_init_std=0.01}). */
    static WeightInit std(double std) {
        return new Std(std);
    }

    /** One of {@link #SPELLINGS}, in any case; throws IllegalArgumentException naming them otherwise. */
    static WeightInit parse(String s) {
        String word = s.trim().toLowerCase(Locale.ROOT).replaceFirst("^std=?", "");
        switch (word) {
            case "relu", "he":
                return HE;
            case "sigmoid", "xavier":
                return XAVIER;
            case "zero":
                return ZERO;
            default:
                break;
        }
        try {
            double std = Double.parseDouble(word);
            if (std == 0) {
                return ZERO;
            }
            if (std > 0 && Double.isFinite(std)) {
                return std(std);
            }
        } catch (NumberFormatException e) {
            // not a number: the message below says what is allowed
        }
        throw new IllegalArgumentException("'" + s + "' is not a weight init; give " + SPELLINGS);
    }

    /** σ fixed, as the book's {@code weight_init_std=0.01}; prints as the book's labels, "std=0.01". */
    record Std(double std) implements WeightInit {
        public Std {
            if (!(std > 0) || !Double.isFinite(std)) {
                throw new IllegalArgumentException("WeightInit.std: std=" + std + " must be a finite number > 0");
            }
        }

        @Override
        public double scale(int n) {
            return std;
        }

        /** "std=0.01", "std=1", "std=1e+300". */
        @Override
        public String toString() {
            return "std=" + (std == Math.rint(std) && std < 1e15 ? String.valueOf((long) std) : Py.str(std));
        }
    }

    /** Xavier: σ = √(1/n), book §6.2.2. */
    record Xavier() implements WeightInit {
        @Override
        public double scale(int n) {
            return Math.sqrt(1.0 / n);
        }

        @Override
        public String toString() {
            return "Xavier";
        }
    }

    /** He: σ = √(2/n), book §6.2.3. */
    record He() implements WeightInit {
        @Override
        public double scale(int n) {
            return Math.sqrt(2.0 / n);
        }

        @Override
        public String toString() {
            return "He";
        }
    }

    /** Every weight 0 (§6.2.1); a network built with it draws no random numbers for its weights. */
    record Zero() implements WeightInit {
        @Override
        public double scale(int n) {
            return 0;
        }

        @Override
        public String toString() {
            return "zero";
        }
    }
}
