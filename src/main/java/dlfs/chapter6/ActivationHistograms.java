package dlfs.chapter6;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.ActivationStack;
import dlfs.network.WeightInit;
import dlfs.plot.Figure;
import dlfs.plot.Histogram;
import dlfs.plot.HistogramRow;
import dlfs.plot.LineChart;
import dlfs.plot.SideBySide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What weight_init_activation_histogram.py varies and what it shows, for the chapter's one helper: the seven
 * settings of §6.2.2–6.2.3 (its live and commented-out lines: σ = 1, 0.01, Xavier, He; sigmoid, tanh, ReLU), so
 * nothing has to be uncommented, and the numbers behind each histogram (beyond the book), with the figure; and
 * what the chapter's explorer computes from them ({@link Probe}).
 */
final class ActivationHistograms {
    private ActivationHistograms() {
    }

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

    /**
     * The settings whose activation and init match the given words (null matches all); a combination that is
     * not among the seven (e.g. {@code --activation tanh --init he}) is run as its own setting.
     */
    static List<Setting> chosen(String activationWord, String initWord) {
        Activation activation = activationWord == null ? null : Activation.parse(activationWord);
        WeightInit init = initWord == null ? null : WeightInit.parse(initWord);
        List<Setting> chosen = new ArrayList<>();
        for (Setting s : SETTINGS) {
            if ((activation == null || s.activation() == activation)
                    && (init == null || s.init().equals(init))) {
                chosen.add(s);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(new Setting(activation == null ? Activation.SIGMOID : activation, init));
        }
        return chosen;
    }

    /**
     * The numbers behind one histogram of weight_init_activation_histogram.py, which the script only draws: mean and
     * standard deviation of a layer's activations, the share of them in the first and last of its 30 bins and, for
     * ReLU, the share that is exactly 0. Beyond the book.
     */
    record Stats(double mean, double std, double firstBin, double lastBin, double atZero, Histogram histogram) {
        static final int BINS = 30;                    // plt.hist(a.flatten(), 30, range=(0,1))
        static final double RELU_Y_MAX = 7000;         // plt.ylim(0, 7000), the book's commented-out line for figure 6-14

        /** Mean and std as numpy's (ddof = 0), and the histogram over (lo, 1). */
        static Stats of(Matrix z, double lo) {
            double[] values = new double[z.rows * z.cols];          // a.flatten()
            for (int i = 0; i < z.rows; i++) {
                System.arraycopy(z.data[i], 0, values, i * z.cols, z.cols);
            }
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
            return new Stats(mean, Math.sqrt(squares / values.length), h.fraction(0), h.fraction(BINS - 1),
                    (double) zeros / values.length, h);
        }

        /** e.g. "sigmoid std=1 layer 3: mean=0.4987 std=0.4312 first-bin=0.3101 last-bin=0.3325". */
        String line(String label, int layer) {
            return String.format(Locale.ROOT, "%s layer %d: mean=%.4f std=%.4f first-bin=%.4f last-bin=%.4f", label, layer,
                    mean, std, firstBin, lastBin);
        }

        /** e.g. "relu He exactly 0 (layers 1-5): 0.4982 0.4848 0.4540 0.4988 0.5608". */
        static String zeroLine(String label, List<Stats> layers) {
            StringBuilder sb = new StringBuilder(label + " exactly 0 (layers 1-" + layers.size() + "):");
            for (Stats s : layers) {
                sb.append(String.format(Locale.ROOT, " %.4f", s.atZero()));
            }
            return sb.toString();
        }

        /** One panel per layer, titled "1-layer" … as the book; ReLU panels cut at y = 7000 and state their share at 0. */
        static HistogramRow chart(Activation activation, WeightInit init, List<Stats> layers) {
            return chart(activation, init, layers, RELU_Y_MAX);
        }

        /** As {@link #chart(Activation, WeightInit, List)}, ReLU panels cut at {@code reluYMax}. */
        static HistogramRow chart(Activation activation, WeightInit init, List<Stats> layers, double reluYMax) {
            HistogramRow row = new HistogramRow(activation + ", " + initTitle(init));
            boolean relu = activation == Activation.RELU;
            for (int i = 0; i < layers.size(); i++) {
                String note = relu ? String.format(Locale.ROOT, "at 0: %.1f%%", 100 * layers.get(i).atZero()) : null;
                row.add((i + 1) + "-layer", layers.get(i).histogram(), note);
            }
            if (relu) {
                row.yMax(reluYMax).subtitle(String.format(Locale.ROOT, "y axis cut at %.0f as in the book's figure 6-14:"
                        + " taller bars are clipped (the first holds ReLU's exact zeros; each panel gives their share)",
                        reluYMax));
            }
            return row;
        }

        private static String initTitle(WeightInit init) {
            if (init instanceof WeightInit.Xavier) {
                return "Xavier (std = sqrt(1/n))";
            }
            if (init instanceof WeightInit.He) {
                return "He (std = sqrt(2/n))";
            }
            double std = init.scale(1);                       // a fixed σ: shown with 3 significant digits
            return "std = " + new BigDecimal(std).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * What the chapter's explorer (beyond the book) computes for a setting: the script's activations for
     * {@code hiddenLayerSize} layers of {@code nodeNum} nodes (1000 standard-normal inputs drawn first, then the
     * weights layer by layer, as the script draws them), each layer's {@link Stats}, and each layer's mean |dW|
     * for one backward pass from a softmax-with-loss head on 1000 random labels (drawn after the weights).
     */
    record Probe(Setting setting, int hiddenLayerSize, int nodeNum, long seed, List<Stats> layers,
                 double[] meanAbsDW) {
        static final int SAMPLES = 1000;              // input_data = np.random.randn(1000, 100)

        static Probe run(Setting setting, int hiddenLayerSize, int nodeNum, long seed) {
            Rng rng = new Rng(seed);                                    // np.random.seed(seed)
            Matrix inputData = rng.randn(SAMPLES, nodeNum);
            ActivationStack network = new ActivationStack(setting.activation(), setting.init(), hiddenLayerSize,
                    nodeNum, rng);
            List<Stats> layers = new ArrayList<>();
            for (Matrix z : network.forward(inputData)) {
                layers.add(Stats.of(z, setting.lo()));
            }
            List<Matrix> dW = network.backward(rng.choice(10, SAMPLES));
            double[] meanAbsDW = new double[dW.size()];
            for (int i = 0; i < meanAbsDW.length; i++) {
                meanAbsDW[i] = meanAbs(dW.get(i));
            }
            return new Probe(setting, hiddenLayerSize, nodeNum, seed, layers, meanAbsDW);
        }

        /** e.g. "relu He mean |dW| (layers 1-5): 1.234e-03 …". */
        String gradientLine() {
            StringBuilder sb = new StringBuilder(setting.label() + " mean |dW| (layers 1-" + meanAbsDW.length + "):");
            for (double g : meanAbsDW) {
                sb.append(String.format(Locale.ROOT, " %.3e", g));
            }
            return sb.toString();
        }

        /** The histograms (the script's figure; ReLU's cut scaled with the node count) beside the mean |dW| per layer. */
        Figure figure() {
            HistogramRow row = Stats.chart(setting.activation(), setting.init(), layers,
                    Stats.RELU_Y_MAX * nodeNum / 100.0);
            return new SideBySide(row.size(Math.max(700, 170 * hiddenLayerSize + 80), 360), gradientChart().size(380, 360));
        }

        /** mean |dW| per layer on a log axis; a layer whose dW is all zero is left out (log 0 is not drawn). */
        private LineChart gradientChart() {
            double[] x = new double[meanAbsDW.length], y = new double[meanAbsDW.length];
            int n = 0;
            for (int i = 0; i < meanAbsDW.length; i++) {
                if (meanAbsDW[i] > 0) {
                    x[n] = i + 1;
                    y[n++] = meanAbsDW[i];
                }
            }
            return new LineChart("layer", "mean |dW| (log scale)")
                    .title(String.format(Locale.ROOT, "%d x %d nodes, seed %d", hiddenLayerSize, nodeNum, seed))
                    .logY().xTickUnit(1).add("one backward pass", Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        }

        /** mean |dW| over all elements (numpy np.mean(np.abs(dW))). */
        private static double meanAbs(Matrix dW) {
            double sum = 0;
            for (double[] row : dW.data) {
                for (double v : row) {
                    sum += Math.abs(v);
                }
            }
            return sum / ((double) dW.rows * dW.cols);
        }
    }
}
