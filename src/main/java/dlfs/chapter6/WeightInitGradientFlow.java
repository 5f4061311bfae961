package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.plot.LineChart;
import dlfs.plot.PngFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The gradients themselves, which §6.2.2 only describes ("gradient vanishing"): the mean |dW| of every layer
 * of the 784-[100×4]-10 net at initialisation, on one MNIST batch, for sigmoid with σ = 1 and Xavier and
 * ReLU with σ = 0.01, Xavier and He. Beyond the book; uses its MultiLayerNet.gradient (§5.7).
 *
 * <p>Options: {@code --seed N}, {@code --show}.
 */
public final class WeightInitGradientFlow {
    static final long SEED = 2026;
    static final int BATCH_SIZE = 128;

    private WeightInitGradientFlow() {
    }

    /** label → (activation, weight init), in the order of the histograms of §6.2.2–6.2.3. */
    static Map<String, WeightInitActivationHistogram.Setting> settings() {
        Map<String, WeightInitActivationHistogram.Setting> settings = new LinkedHashMap<>();
        for (WeightInitActivationHistogram.Setting s : WeightInitActivationHistogram.SETTINGS) {
            boolean sigmoidSmall = s.activation() == Activation.SIGMOID && s.init().toString().equals("std=0.01");
            if (s.activation() != Activation.TANH && !sigmoidSmall) {
                settings.put(s.label(), s);
            }
        }
        return settings;
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        // 0: one MNIST batch
        MnistSet train = Mnist.load().train();
        Rng rng = new Rng(seed);
        int[] batchMask = rng.choice(train.size(), BATCH_SIZE);
        Matrix xBatch = train.images(batchMask);
        int[] tBatch = train.labels(batchMask);
        // 1: gradients at initialisation, each setting from the same seed
        LineChart chart = new LineChart("layer (W1 = next to the input, W5 = next to the output)", "mean |dW| (log scale)")
                .title("gradient size per layer at initialisation (one MNIST batch of 128)").logY().xTickUnit(1);
        for (Map.Entry<String, WeightInitActivationHistogram.Setting> e : settings().entrySet()) {
            double[] meanAbs = meanAbsGradients(e.getValue(), xBatch, tBatch, new Rng(seed + 1));
            System.out.println(line(e.getKey(), meanAbs));
            chart.add(e.getKey(), layerNumbers(meanAbs.length), meanAbs);
        }
        // 2: draw graph
        JFreeChart figure = chart.chart();
        Path path = PngFiles.save(figure, "weight_init_gradient_flow", 800, 560);
        System.out.println("figure: " + path);
        PngFiles.showIfAsked(figure, "weight_init_gradient_flow", args, 800, 560);
    }

    /** mean |dW| of W1 … W5 after one backward pass (book §5.7) on the batch. */
    static double[] meanAbsGradients(WeightInitActivationHistogram.Setting setting, Matrix x, int[] t, Rng rng) {
        MultiLayerNet network = new MultiLayerNet(784, WeightInitCompare.HIDDEN_SIZE_LIST, 10,
                setting.activation(), setting.init(), 0, rng);
        Map<String, Matrix> grads = network.gradient(x, t);
        double[] meanAbs = new double[WeightInitCompare.HIDDEN_SIZE_LIST.length + 1];
        for (int l = 0; l < meanAbs.length; l++) {
            Matrix dW = grads.get("W" + (l + 1));
            double sum = 0;
            for (double[] row : dW.data) {
                for (double v : row) {
                    sum += Math.abs(v);
                }
            }
            meanAbs[l] = sum / ((double) dW.rows * dW.cols);
        }
        return meanAbs;
    }

    /** e.g. "relu He: mean |dW| W1=1.234e-03 W2=… W5=…". */
    static String line(String label, double[] meanAbs) {
        StringBuilder sb = new StringBuilder(label + ": mean |dW|");
        for (int l = 0; l < meanAbs.length; l++) {
            sb.append(String.format(Locale.ROOT, " W%d=%.3e", l + 1, meanAbs[l]));
        }
        return sb.toString();
    }

    private static double[] layerNumbers(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
