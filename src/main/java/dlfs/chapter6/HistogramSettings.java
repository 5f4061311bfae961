package dlfs.chapter6;

import dlfs.network.Activation;
import dlfs.network.WeightInit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings of weight_init_activation_histogram.py: its live lines (σ = 1, sigmoid) and its commented-out
 * "try this" lines (σ = 0.01, Xavier, He; ReLU, tanh), as the seven combinations §6.2.2–6.2.3 shows in
 * figures 6-10 to 6-14, so nothing has to be uncommented. {@code --activation} and {@code --init} pick some.
 */
final class HistogramSettings {
    /** One run of the script: the activation function and the scale of the weights. */
    record Setting(Activation activation, WeightInit init) {
        /** "sigmoid-std1", "relu-he": the figure's name suffix. */
        String fileSuffix() {
            return activation + "-" + init.toString().replace("=", "").toLowerCase(Locale.ROOT);
        }

        /** "sigmoid std=1", "relu He": the prefix of the printed lines. */
        String label() {
            return activation + " " + init;
        }

        /** The histogram's range: (0, 1) as in the book; (-1, 1) for tanh, whose outputs are symmetric around 0. */
        double lo() {
            return activation == Activation.TANH ? -1 : 0;
        }
    }

    /** Figures 6-10, 6-11, 6-13, 6-13 (tanh, described in the text), 6-14 (three rows), in book order. */
    static final List<Setting> SETTINGS = List.of(
            new Setting(Activation.SIGMOID, WeightInit.std(1)),         // w = np.random.randn(…) * 1
            new Setting(Activation.SIGMOID, WeightInit.std(0.01)),      // * 0.01
            new Setting(Activation.SIGMOID, WeightInit.XAVIER),         // * np.sqrt(1.0 / node_num)
            new Setting(Activation.TANH, WeightInit.XAVIER),            // z = tanh(a)
            new Setting(Activation.RELU, WeightInit.std(0.01)),         // z = ReLU(a)
            new Setting(Activation.RELU, WeightInit.XAVIER),
            new Setting(Activation.RELU, WeightInit.HE));               // * np.sqrt(2.0 / node_num)

    private HistogramSettings() {
    }

    /** "1", "0.01", "std=0.01", "xavier", "he", … as a WeightInit; throws IllegalArgumentException otherwise. */
    static WeightInit parseInit(String text) {
        return WeightInit.parse(text.replaceFirst("^(?i)std=?", ""));
    }

    /**
     * The settings whose activation and init match the given words (null matches all); a combination that is
     * not among the seven (e.g. {@code --activation tanh --init he}) is run as its own setting.
     */
    static List<Setting> chosen(String activationWord, String initWord) {
        Activation activation = activationWord == null ? null : Activation.parse(activationWord);
        WeightInit init = initWord == null ? null : parseInit(initWord);
        List<Setting> chosen = new ArrayList<>();
        for (Setting s : SETTINGS) {
            if ((activation == null || s.activation() == activation)
                    && (init == null || s.init().toString().equals(init.toString()))) {
                chosen.add(s);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(new Setting(activation == null ? Activation.SIGMOID : activation, init));
        }
        return chosen;
    }
}
