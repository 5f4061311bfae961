package dlfs.chapter6;

import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.WeightInit;
import java.util.ArrayList;
import java.util.List;

/**
 * The activations of 5 hidden layers as histograms, for each initial weight of the section. Book §6.2.2–6.2.3,
 * figures 6-10 to 6-14; port of ch06/weight_init_activation_histogram.py. The script's live and commented-out
 * lines are the seven {@link ActivationHistograms} settings; each runs as if the script were started again after
 * {@code np.random.seed(0)} with those lines edited. The script prints nothing; this main prints, beyond it,
 * the numbers behind each histogram.
 */
public final class WeightInitActivationHistogram {
    static final Script SCRIPT = new Script("WeightInitActivationHistogram", "ch06/weight_init_activation_histogram.py",
            WeightInitActivationHistogram::run)
            .book("6.2.2-6.2.3", "6-10 to 6-14")
            .page(Edition.KOREAN_FIRST, "203")
            .summary("1000 random inputs through 5 layers of 100 nodes; histograms of each layer's activations for"
                    + " the seven settings of the section (sigmoid with std 1, 0.01 and Xavier, tanh with Xavier,"
                    + " ReLU with std 0.01, Xavier and He).")
            .figures("weight_init_activation_histogram-<activation>-<init>.png (7)")
            .seed()
            .word("activation", null, Activation::parse, "run only the settings with this activation:"
                    + " sigmoid, tanh or relu")
            .word("init", null, WeightInit::parse, "run only the settings with this initial weight: "
                    + WeightInit.SPELLINGS)
            .show();

    private WeightInitActivationHistogram() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        for (ActivationHistograms.Setting setting
                : ActivationHistograms.chosen(options.word("activation"), options.word("init"))) {
            List<Matrix> activations = activations(setting, new Rng(options.seed()));   // np.random.seed(0)

            // beyond the book: the numbers behind each histogram
            List<ActivationHistograms.Stats> stats = new ArrayList<>();
            for (int i = 0; i < activations.size(); i++) {
                stats.add(ActivationHistograms.Stats.of(activations.get(i), setting.lo()));
                System.out.println(stats.get(i).line(setting.label(), i + 1));
            }
            if (setting.activation() == Activation.RELU) {
                System.out.println(ActivationHistograms.Stats.zeroLine(setting.label(), stats));
            }

            // draw histograms
            Figures.save(options, "weight_init_activation_histogram-" + setting.fileSuffix(),
                    ActivationHistograms.Stats.chart(setting.activation(), setting.init(), stats).size(1100, 340));
        }
    }

    /** The script: z = activation(x · w) through 5 layers, each layer's x the previous layer's z. */
    static List<Matrix> activations(ActivationHistograms.Setting setting, Rng rng) {
        Matrix inputData = rng.randn(1000, 100);     // 1000 samples
        int nodeNum = 100;                           // nodes in each hidden layer
        int hiddenLayerSize = 5;                     // 5 hidden layers
        List<Matrix> activations = new ArrayList<>();

        Matrix x = inputData;
        for (int i = 0; i < hiddenLayerSize; i++) {
            if (i != 0) {
                x = activations.get(i - 1);
            }
            // w = np.random.randn(node_num, node_num) * 1 (or * 0.01, * np.sqrt(1.0 / node_num), …)
            Matrix w = rng.randn(nodeNum, nodeNum).scaleInPlace(setting.init().scale(nodeNum));
            Matrix a = MatMul.dot(x, w);
            Matrix z = setting.activation().newLayer().forward(a);   // sigmoid(a), ReLU(a) or tanh(a)
            activations.add(z);
        }
        return activations;
    }
}
