package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.plot.LineChart;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gradients themselves, which §6.2.2 only describes ("gradient vanishing"): the mean |dW| of every layer of
 * the 784-[100×4]-10 net at initialisation, on one MNIST batch, for sigmoid with σ = 1 and Xavier and for ReLU
 * with σ = 0.01, Xavier and He. Beyond the book; uses its MultiLayerNet.gradient (§5.7).
 */
public final class WeightInitGradientFlow {
    static final Script SCRIPT = new Script("WeightInitGradientFlow", null, WeightInitGradientFlow::run)
            .book("6.2.2", "")
            .summary("Mean |dW| per layer at initialisation, one MNIST batch of 128, for five activation and"
                    + " initial-weight settings.")
            .figures("weight_init_gradient_flow.png")
            .seed()
            .show();

    private record Setting(Activation activation, WeightInit init) {
    }

    private WeightInitGradientFlow() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        // 0: load MNIST ==========
        MnistSet train = Mnist.load().train();

        // 1: settings, in the order of the histograms of §6.2.2-6.2.3 ==========
        List<Setting> settings = List.of(new Setting(Activation.SIGMOID, WeightInit.std(1)),
                new Setting(Activation.SIGMOID, WeightInit.XAVIER), new Setting(Activation.RELU, WeightInit.std(0.01)),
                new Setting(Activation.RELU, WeightInit.XAVIER), new Setting(Activation.RELU, WeightInit.HE));

        // 2: one backward pass per setting, each from the same seed (so the same batch) ==========
        LineChart chart = new LineChart("layer (W1 = next to the input, W5 = next to the output)",
                "mean |dW| (log scale)").title("Gradient size per layer at initialisation (one MNIST batch of 128)")
                .logY().xTickUnit(1);
        for (Setting s : settings) {
            String label = s.activation() + " " + s.init();
            Rng rng = new Rng(options.seed());
            MultiLayerNet network = new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, s.activation(),
                    s.init(), 0, rng).label(label);
            int[] batchMask = rng.choice(train.size(), 128);
            Map<String, Matrix> grads = network.gradient(train.images(batchMask), train.labels(batchMask));
            double[] meanAbs = new double[5];
            StringBuilder line = new StringBuilder(label + ": mean |dW|");
            for (int l = 0; l < meanAbs.length; l++) {
                meanAbs[l] = meanAbs(grads.get("W" + (l + 1)));
                line.append(String.format(Locale.ROOT, " W%d=%.3e", l + 1, meanAbs[l]));
            }
            System.out.println(line);
            chart.add(label, new double[] {1, 2, 3, 4, 5}, meanAbs);
        }

        // 3: draw graph ==========
        Figures.save(options, "weight_init_gradient_flow", chart.size(800, 560));
    }


    /** mean |dW| over all elements (numpy np.mean(np.abs(dW))). */
    static double meanAbs(Matrix dW) {
        double sum = 0;
        for (double[] row : dW.data) {
            for (double v : row) {
                sum += Math.abs(v);
            }
        }
        return sum / ((double) dW.rows * dW.cols);
    }
}
