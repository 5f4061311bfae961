package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import dlfs.plot.LineChart;
import dlfs.plot.PngFiles;
import dlfs.plot.Smoothing;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Trains the same 5-layer ReLU network on MNIST from three initial weights, std=0.01, Xavier and He, and
 * plots their losses. Book §6.2.4, figure 6-15; port of ch06/weight_init_compare.py. Beyond the book it
 * prints each network's accuracy on the 10 000 test images.
 *
 * <p>Options: {@code --iterations N} (default 2000), {@code --seed N}, {@code --show}.
 */
public final class WeightInitCompare {
    static final long SEED = 2026;
    static final int[] HIDDEN_SIZE_LIST = {100, 100, 100, 100};
    static final int BATCH_SIZE = 128;
    static final int MAX_ITERATIONS = 2000;
    static final double LR = 0.01;
    static final int PRINT_EVERY = 100;

    private WeightInitCompare() {
    }

    /** The book's weight_init_types: label → weight_init_std. */
    static Map<String, WeightInit> weightInitTypes() {
        Map<String, WeightInit> types = new LinkedHashMap<>();
        types.put("std=0.01", WeightInit.std(0.01));
        types.put("Xavier", WeightInit.XAVIER);     // the book's 'sigmoid'
        types.put("He", WeightInit.HE);             // the book's 'relu'
        return types;
    }

    public static void main(String[] args) {
        int maxIterations = Args.intValue(args, "--iterations", MAX_ITERATIONS, Smoothing.WINDOW_LEN, 1_000_000);
        Rng rng = new Rng(Args.longValue(args, "--seed", SEED));
        // 0: load MNIST
        Mnist mnist = Mnist.load();
        // 1: experiment settings
        Map<String, MultiLayerNet> networks = new LinkedHashMap<>();
        for (Map.Entry<String, WeightInit> e : weightInitTypes().entrySet()) {
            networks.put(e.getKey(), new MultiLayerNet(784, HIDDEN_SIZE_LIST, 10, Activation.RELU, e.getValue(), 0, rng));
        }
        // 2: training
        Map<String, double[]> trainLoss = train(networks, mnist.train(), maxIterations, PRINT_EVERY, rng);
        // 3: draw graph
        JFreeChart chart = chart(trainLoss, "weight_init_compare: MNIST, 784-100x4-10 ReLU, SGD lr=0.01");
        Path path = PngFiles.save(chart, "weight_init_compare", 800, 560);
        System.out.println("figure: " + path);
        // beyond the book: how well each network does on the test images
        printTestAccuracy(networks, mnist.test());
        PngFiles.showIfAsked(chart, "weight_init_compare", args, 800, 560);
    }

    /**
     * The book's training loop: each iteration draws one batch with replacement ({@code np.random.choice}),
     * and every network takes one SGD step on that same batch; the loss after the step is recorded. Every
     * {@code printEvery} iterations (0 = never) prints the book's lines.
     */
    static Map<String, double[]> train(Map<String, MultiLayerNet> networks, MnistSet train, int maxIterations,
                                       int printEvery, Rng rng) {
        Map<String, SGD> optimizers = new LinkedHashMap<>();
        Map<String, double[]> trainLoss = new LinkedHashMap<>();
        for (String key : networks.keySet()) {
            optimizers.put(key, new SGD(LR));                  // one each, as Momentum or Adam would need
            trainLoss.put(key, new double[maxIterations]);
        }
        for (int i = 0; i < maxIterations; i++) {
            int[] batchMask = rng.choice(train.size(), BATCH_SIZE);
            Matrix xBatch = train.images(batchMask);           // (128, 784)
            int[] tBatch = train.labels(batchMask);            // (128)
            for (String key : networks.keySet()) {
                MultiLayerNet network = networks.get(key);
                optimizers.get(key).update(network.params, network.gradient(xBatch, tBatch));
                trainLoss.get(key)[i] = network.loss(xBatch, tBatch);
            }
            if (printEvery > 0 && i % printEvery == 0) {
                System.out.println("===========" + "iteration:" + i + "===========");
                for (String key : networks.keySet()) {
                    System.out.println(key + ":" + trainLoss.get(key)[i]);
                }
            }
        }
        return trainLoss;
    }

    /** The smoothed losses (the book's smooth_curve) with a marker every 100 iterations, y from 0 to 2.5. */
    static JFreeChart chart(Map<String, double[]> trainLoss, String title) {
        LineChart chart = new LineChart("iterations", "loss").title(title).yRange(0, 2.5).yTickUnit(0.5)
                .markEvery(100);
        for (Map.Entry<String, double[]> e : trainLoss.entrySet()) {
            chart.add(e.getKey(), Smoothing.smoothCurve(e.getValue()));
        }
        return chart.chart();
    }

    /** "He test accuracy: 0.9xxx" for each network, on all 10 000 test images. */
    static void printTestAccuracy(Map<String, MultiLayerNet> networks, MnistSet test) {
        Matrix xTest = test.images(0, test.size());
        int[] tTest = test.labels(0, test.size());
        for (Map.Entry<String, MultiLayerNet> e : networks.entrySet()) {
            System.out.printf(Locale.ROOT, "%s test accuracy: %.4f%n", e.getKey(), e.getValue().accuracy(xTest, tTest));
        }
    }
}
