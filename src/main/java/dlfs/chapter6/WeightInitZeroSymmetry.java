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
import dlfs.optimizer.SGD;
import dlfs.plot.LineChart;
import dlfs.util.Py;
import dlfs.util.Smoothing;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Why the weights must not start equal (book §6.2.1, which states it without an experiment): the
 * 784-[100×4]-10 ReLU net of weight_init_compare.py trained with all weights 0, with all weights one small
 * constant, and with He init. Equal weights get equal gradients, so every column of a hidden layer's W (one
 * neuron's incoming weights) stays identical to the others: each layer acts like a single neuron. Beyond the book.
 */
public final class WeightInitZeroSymmetry {
    static final Script SCRIPT = new Script("WeightInitZeroSymmetry", null, WeightInitZeroSymmetry::run)
            .book("6.2.1", "")
            .summary("The weight_init_compare.py net trained from all-zero, all-0.01 and He weights: equal weights"
                    + " stay equal.")
            .figures("weight_init_zero_symmetry.png")
            .seed()
            .number("iterations", 500, 11, 1_000_000, "training iterations; at least 11, the window of smooth_curve")
            .show();

    static final double CONSTANT = 0.01;    // with ~100 of 784 pixels lit, 0.01 keeps each layer's output near 1

    private WeightInitZeroSymmetry() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());

        // 0: load MNIST ==========
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train();
        int maxIterations = options.number("iterations");

        // 1: three networks: every weight 0, every weight one constant, He ==========
        Map<String, MultiLayerNet> networks = new LinkedHashMap<>();
        networks.put("zero", net("zero", WeightInit.ZERO, rng));
        MultiLayerNet constant = net("constant=" + CONSTANT, WeightInit.ZERO, rng);
        for (Map.Entry<String, Matrix> p : constant.params.entrySet()) {
            if (p.getKey().startsWith("W")) {
                p.getValue().fill(CONSTANT);
            }
        }
        networks.put("constant=" + CONSTANT, constant);
        networks.put("He", net("He", WeightInit.HE, rng));
        SGD optimizer = new SGD(0.01);

        // 2: training, the same batches for all, as weight_init_compare.py ==========
        Map<String, double[]> trainLoss = new LinkedHashMap<>();
        networks.keySet().forEach(key -> trainLoss.put(key, new double[maxIterations]));
        for (int i = 0; i < maxIterations; i++) {
            int[] batchMask = rng.choice(train.size(), 128);
            Matrix xBatch = train.images(batchMask);
            int[] tBatch = train.labels(batchMask);
            for (String key : networks.keySet()) {
                MultiLayerNet network = networks.get(key);
                optimizer.update(network.params, network.gradient(xBatch, tBatch));
                trainLoss.get(key)[i] = network.loss(xBatch, tBatch);
            }
            if (i % 100 == 0) {                                         // as weight_init_compare.py prints
                System.out.println("===========" + "iteration:" + i + "===========");
                for (String key : networks.keySet()) {
                    System.out.println(key + ":" + Py.str(trainLoss.get(key)[i]));
                }
            }
        }

        // how many different weight columns each hidden layer ends with, and the test accuracy
        Matrix xTest = mnist.test().images(0, mnist.test().size());
        int[] tTest = mnist.test().labels(0, mnist.test().size());
        for (String key : networks.keySet()) {
            double[] loss = trainLoss.get(key);
            System.out.printf(Locale.ROOT, "%s: distinct weight columns in W1..W4: %s; final loss %.4f; test accuracy"
                    + " %.4f%n", key, Arrays.toString(distinctColumns(networks.get(key))), loss[loss.length - 1],
                    networks.get(key).accuracy(xTest, tTest));
        }

        // 3: draw graph ==========
        LineChart chart = new LineChart("iterations", "loss")
                .title("Equal initial weights stay equal (MNIST, 784-100x4-10 ReLU)").yRange(0, 2.5).markEvery(100);
        for (String key : networks.keySet()) {
            chart.add(key, Smoothing.smoothCurve(trainLoss.get(key)));
        }
        Figures.save(options, "weight_init_zero_symmetry", chart.size(800, 560));
    }

    private static MultiLayerNet net(String label, WeightInit init, Rng rng) {
        return new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, Activation.RELU, init, 0, rng).label(label);
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
