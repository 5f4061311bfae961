package dlfs.chapter6;

import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.WeightInit;
import dlfs.plot.Histogram;
import dlfs.plot.HistogramRow;
import dlfs.plot.PngFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * The activations of 5 hidden layers for each initial-weight setting of the section, as histograms.
 * Book §6.2.2–6.2.3, figures 6-10 to 6-14; port of ch06/weight_init_activation_histogram.py. The script's
 * commented-out lines (σ = 1, 0.01, Xavier, He; sigmoid, ReLU, tanh) are the seven {@link #SETTINGS}.
 *
 * <p>Options: {@code --activation sigmoid|tanh|relu}, {@code --init 1|0.01|xavier|he} (each picks the
 * settings that match), {@code --seed N}, {@code --show}.
 */
public final class WeightInitActivationHistogram {
    static final long SEED = 2026;
    static final int SAMPLES = 1000;              // input_data = np.random.randn(1000, 100)
    static final int NODE_NUM = 100;              // nodes in each hidden layer
    static final int HIDDEN_LAYER_SIZE = 5;
    static final int BINS = 30;                   // plt.hist(a.flatten(), 30, range=(0,1))
    static final double RELU_Y_MAX = 7000;        // the book's plt.ylim(0, 7000), as in its printed figure 6-14

    /** One setting of the script: the activation function and how the weights are scaled. */
    record Setting(Activation activation, WeightInit init) {
        /** "sigmoid-std1", "sigmoid-std0.01", "relu-he", …: the figure's name suffix. */
        String fileSuffix() {
            return activation + "-" + init.toString().replace("=", "").toLowerCase(Locale.ROOT);
        }

        /** "sigmoid std=1", "relu He": the prefix of the printed lines. */
        String label() {
            return activation + " " + init;
        }

        /** The histogram range: (0, 1) as in the book; (-1, 1) for tanh, whose outputs are symmetric around 0. */
        double lo() {
            return activation == Activation.TANH ? -1 : 0;
        }
    }

    /** The section's settings in book order: figures 6-10, 6-11, 6-13, 6-13 (tanh), 6-14 (three rows). */
    static final List<Setting> SETTINGS = List.of(
            new Setting(Activation.SIGMOID, WeightInit.std(1)),
            new Setting(Activation.SIGMOID, WeightInit.std(0.01)),
            new Setting(Activation.SIGMOID, WeightInit.XAVIER),
            new Setting(Activation.TANH, WeightInit.XAVIER),
            new Setting(Activation.RELU, WeightInit.std(0.01)),
            new Setting(Activation.RELU, WeightInit.XAVIER),
            new Setting(Activation.RELU, WeightInit.HE));

    /** Mean, std and shares of one layer's activations (the numbers behind one histogram panel). */
    record LayerStats(double mean, double std, double firstBin, double lastBin, double atZero, Histogram histogram) {
    }

    private WeightInitActivationHistogram() {
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        for (Setting setting : choose(args)) {
            // 1: forward 1000 random inputs through 5 layers; the same seed gives every setting the same x and randn
            List<Matrix> activations = activations(setting, SAMPLES, new Rng(seed));
            List<LayerStats> stats = new ArrayList<>();
            for (int i = 0; i < activations.size(); i++) {
                stats.add(stats(activations.get(i), setting.lo()));
                System.out.println(line(setting, i + 1, stats.get(i)));
            }
            if (setting.activation() == Activation.RELU) {
                System.out.println(zeroLine(setting, stats));
            }
            // 2: draw the histograms
            JFreeChart chart = chart(setting, stats);
            Path path = PngFiles.save(chart, "weight_init_activation_histogram-" + setting.fileSuffix(), 1100, 340);
            System.out.println("figure: " + path);
            PngFiles.showIfAsked(chart, setting.label(), args, 1100, 340);
        }
    }

    /** The settings that match --activation and --init (all seven without them). */
    static List<Setting> choose(String[] args) {
        String a = Args.value(args, "--activation", null);
        String w = Args.value(args, "--init", null);
        Activation activation = a == null ? null : Activation.parse(a);
        WeightInit init = w == null ? null : WeightInit.parse(w.replaceFirst("^(?i)std=?", ""));
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

    /** The activations of each hidden layer: z = activation(x · w), each layer's x the previous layer's z. */
    static List<Matrix> activations(Setting setting, int samples, Rng rng) {
        Matrix x = rng.randn(samples, NODE_NUM);                            // input_data (1000, 100)
        List<Matrix> activations = new ArrayList<>();
        for (int i = 0; i < HIDDEN_LAYER_SIZE; i++) {
            if (i != 0) {
                x = activations.get(i - 1);
            }
            double scale = setting.init().scale(NODE_NUM);
            Matrix w = rng.randn(NODE_NUM, NODE_NUM).scaleInPlace(scale);   // w (100, 100), no bias
            Matrix a = MatMul.dot(x, w);
            activations.add(setting.activation().newLayer().forward(a));    // z = sigmoid(a), tanh(a) or ReLU(a)
        }
        return activations;
    }

    /** Mean and std (numpy's, ddof = 0), and the shares in the first and last of 30 bins over (lo, 1). */
    static LayerStats stats(Matrix z, double lo) {
        double[] values = flatten(z);
        double sum = 0;
        int zeros = 0;
        for (double v : values) {
            sum += v;
            zeros += v == 0 ? 1 : 0;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        Histogram h = Histogram.of(values, BINS, lo, 1);
        return new LayerStats(mean, Math.sqrt(squares / values.length), h.fraction(0), h.fraction(BINS - 1),
                (double) zeros / values.length, h);
    }

    /** e.g. "sigmoid std=1 layer 3: mean=0.4987 std=0.4312 first-bin=0.3101 last-bin=0.3325". */
    static String line(Setting setting, int layer, LayerStats s) {
        return String.format(Locale.ROOT, "%s layer %d: mean=%.4f std=%.4f first-bin=%.4f last-bin=%.4f",
                setting.label(), layer, s.mean(), s.std(), s.firstBin(), s.lastBin());
    }

    private static String zeroLine(Setting setting, List<LayerStats> stats) {
        StringBuilder sb = new StringBuilder(setting.label() + " exactly 0 (layers 1-5):");
        for (LayerStats s : stats) {
            sb.append(String.format(Locale.ROOT, " %.4f", s.atZero()));
        }
        return sb.toString();
    }

    private static JFreeChart chart(Setting setting, List<LayerStats> stats) {
        HistogramRow row = new HistogramRow(setting.activation() + ", " + initTitle(setting.init()));
        boolean relu = setting.activation() == Activation.RELU;
        for (int i = 0; i < stats.size(); i++) {
            LayerStats s = stats.get(i);
            String note = relu ? String.format(Locale.ROOT, "at 0: %.1f%%", 100 * s.atZero()) : null;
            row.add((i + 1) + "-layer", s.histogram(), note);
        }
        if (relu) {
            row.yMax(RELU_Y_MAX).subtitle(String.format(Locale.ROOT, "y axis cut at %.0f as in the book's figure 6-14:"
                    + " the first bar (ReLU's zeros, their share given in each panel) goes far above it", RELU_Y_MAX));
        }
        return row.chart();
    }

    private static String initTitle(WeightInit init) {
        if (init == WeightInit.XAVIER) {
            return "Xavier (std = sqrt(1/n))";
        }
        if (init == WeightInit.HE) {
            return "He (std = sqrt(2/n))";
        }
        return init.toString().replace("=", " = ");
    }

    private static double[] flatten(Matrix z) {
        double[] values = new double[z.rows * z.cols];
        for (int i = 0; i < z.rows; i++) {
            System.arraycopy(z.data[i], 0, values, i * z.cols, z.cols);
        }
        return values;
    }
}
