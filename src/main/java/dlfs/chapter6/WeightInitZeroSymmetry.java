package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.plot.LineChart;
import dlfs.plot.PngFiles;
import dlfs.plot.Smoothing;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * Why the weights must not start equal (book §6.2.1, which states it without an experiment): the
 * 784-[100×4]-10 ReLU net of weight_init_compare.py trained with all weights 0, with all weights one small
 * constant, and with He init. Equal weights get equal gradients, so every column of a hidden layer's W (one
 * neuron's incoming weights) stays identical to the others: each layer acts like a single neuron.
 *
 * <p>Options: {@code --iterations N} (default 500), {@code --seed N}, {@code --show}.
 */
public final class WeightInitZeroSymmetry {
    static final long SEED = 2026;
    static final int MAX_ITERATIONS = 500;
    static final double CONSTANT = 0.01;    // with ~100 of 784 pixels lit, 0.01 keeps each layer's output near 1

    private WeightInitZeroSymmetry() {
    }

    public static void main(String[] args) {
        int maxIterations = Args.intValue(args, "--iterations", MAX_ITERATIONS, Smoothing.WINDOW_LEN, 1_000_000);
        Rng rng = new Rng(Args.longValue(args, "--seed", SEED));
        // 0: load MNIST
        Mnist mnist = Mnist.load();
        // 1: three networks: all 0, all one constant, He
        Map<String, MultiLayerNet> networks = networks(rng);
        // 2: training, same batches for all (WeightInitCompare's loop)
        Map<String, double[]> trainLoss = WeightInitCompare.train(networks, mnist.train(), maxIterations, 100, rng);
        for (Map.Entry<String, MultiLayerNet> e : networks.entrySet()) {
            double[] loss = trainLoss.get(e.getKey());
            System.out.printf(Locale.ROOT, "%s: distinct weight columns in W1..W%d: %s; final loss %.4f%n", e.getKey(),
                    WeightInitCompare.HIDDEN_SIZE_LIST.length, Arrays.toString(distinctColumns(e.getValue())),
                    loss[loss.length - 1]);
        }
        WeightInitCompare.printTestAccuracy(networks, mnist.test());
        // 3: draw graph
        JFreeChart chart = WeightInitCompare.chart(trainLoss, "equal initial weights stay equal (MNIST, 784-100x4-10 ReLU)");
        Path path = PngFiles.save(chart, "weight_init_zero_symmetry", 800, 560);
        System.out.println("figure: " + path);
        PngFiles.showIfAsked(chart, "weight_init_zero_symmetry", args, 800, 560);
    }

    /** "zero" (every W and b 0), "constant=0.01" (every W 0.01, b 0) and "He", in that order. */
    static Map<String, MultiLayerNet> networks(Rng rng) {
        Map<String, MultiLayerNet> networks = new LinkedHashMap<>();
        networks.put("zero", net(WeightInit.ZERO, rng));
        MultiLayerNet constant = net(WeightInit.ZERO, rng);
        for (Map.Entry<String, Matrix> p : constant.params.entrySet()) {
            if (p.getKey().startsWith("W")) {
                p.getValue().fill(CONSTANT);
            }
        }
        networks.put("constant=" + CONSTANT, constant);
        networks.put("He", net(WeightInit.HE, rng));
        return networks;
    }

    private static MultiLayerNet net(WeightInit init, Rng rng) {
        return new MultiLayerNet(784, WeightInitCompare.HIDDEN_SIZE_LIST, 10, Activation.RELU, init, 0, rng);
    }

    /** For each hidden layer's W1 … W4, how many different columns it has (exact comparison). */
    static int[] distinctColumns(MultiLayerNet network) {
        int[] distinct = new int[network.hiddenSizeList.length];
        for (int l = 0; l < distinct.length; l++) {
            Matrix W = network.params.get("W" + (l + 1));
            Set<List<Double>> columns = new HashSet<>();
            for (int j = 0; j < W.cols; j++) {
                Double[] column = new Double[W.rows];
                for (int i = 0; i < W.rows; i++) {
                    column[i] = W.data[i][j];
                }
                columns.add(Arrays.asList(column));
            }
            distinct[l] = columns.size();
        }
        return distinct;
    }
}
