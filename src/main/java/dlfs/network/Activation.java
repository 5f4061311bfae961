package dlfs.network;

import dlfs.layers.Layer;
import dlfs.layers.Relu;
import dlfs.layers.Sigmoid;
import dlfs.layers.Tanh;
import java.util.Locale;

/** The hidden-layer activation of a network: the book's {@code activation='relu'} or {@code 'sigmoid'}, plus tanh. */
public enum Activation {
    RELU, SIGMOID, TANH;

    /** A new layer of this activation. */
    public Layer newLayer() {
        return switch (this) {
            case RELU -> new Relu();
            case SIGMOID -> new Sigmoid();
            case TANH -> new Tanh();
        };
    }

    /** "relu", "sigmoid" or "tanh". */
    public static Activation parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Activation: '" + s + "' is not one of relu, sigmoid, tanh");
        }
    }

    /** The book's spelling of the name. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
