package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNet;
import dlfs.optimizer.AdaGrad;
import dlfs.optimizer.Adam;
import dlfs.optimizer.Momentum;
import dlfs.optimizer.Optimizer;
import dlfs.optimizer.SGD;
import dlfs.plot.LineChart;
import dlfs.plot.PngFiles;
import dlfs.plot.Smoothing;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;

/**
 * SGD, Momentum, AdaGrad and Adam, each with the book's default learning rate, training the same
 * 784-[100, 100, 100, 100]-10 ReLU network on MNIST mini-batches. Book §6.1.8, figure 6-9; port of
 * ch06/optimizer_compare_mnist.py. Beyond the book, each network's test accuracy is printed at the end.
 *
 * <p>Options: {@code --seed N}, {@code --iterations N} (default 2000), {@code --show}. MNIST is read from
 * {@code -Ddlfs.mnist.dir}, {@code $DLFS_MNIST_DIR} or {@code ./mnist}.
 */
public final class OptimizerCompareMnist {
    static final long SEED = 2026;
    static final int BATCH_SIZE = 128;
    static final int MAX_ITERATIONS = 2000;
    static final int[] HIDDEN_SIZE_LIST = {100, 100, 100, 100};
    static final int PRINT_EVERY = 100;           // if i % 100 == 0: print(…); also markevery=100

    private OptimizerCompareMnist() {
    }

    /** The script's optimizers, each with its default learning rate (Adam 0.001, the others 0.01). */
    static Map<String, Optimizer> optimizers() {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("SGD", new SGD());
        optimizers.put("Momentum", new Momentum());
        optimizers.put("AdaGrad", new AdaGrad());
        optimizers.put("Adam", new Adam());
        return optimizers;
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        int maxIterations = Args.intValue(args, "--iterations", MAX_ITERATIONS, Smoothing.WINDOW_LEN, 1_000_000);
        // 0: load MNIST
        Mnist mnist = Mnist.load();
        // 1: experiment settings: one network and one optimizer per key, all weights from one seeded Rng
        Rng rng = new Rng(seed);
        Map<String, Optimizer> optimizers = optimizers();
        Map<String, MultiLayerNet> networks = networks(optimizers, rng);
        // 2: training
        Map<String, double[]> trainLoss = train(networks, optimizers, mnist.train(), maxIterations, rng,
                System.out::println);
        // beyond the book: how well each network does on the 10000 test images
        WeightInitCompare.printTestAccuracy(networks, mnist.test());
        // 3: draw the graph
        JFreeChart chart = chart(trainLoss);
        Path png = PngFiles.save(chart, "optimizer_compare_mnist", 800, 600);
        System.out.println("figure: " + png);
        PngFiles.showIfAsked(chart, "optimizer_compare_mnist", args, 800, 600);
    }

    /** MultiLayerNet(784, [100, 100, 100, 100], 10) with the book's defaults (ReLU, He), one per key, in order. */
    static Map<String, MultiLayerNet> networks(Map<String, Optimizer> optimizers, Rng rng) {
        Map<String, MultiLayerNet> networks = new LinkedHashMap<>();
        for (String key : optimizers.keySet()) {
            networks.put(key, new MultiLayerNet(784, HIDDEN_SIZE_LIST, 10, rng));
        }
        return networks;
    }

    /**
     * The book's training loop: each iteration draws one batch of 128 with replacement, and every network takes
     * one gradient step on it with its own optimizer, then records its loss on that batch. Every 100 iterations
     * the losses are printed as the book prints them. Returns each network's loss per iteration.
     */
    static Map<String, double[]> train(Map<String, MultiLayerNet> networks, Map<String, Optimizer> optimizers,
                                       MnistSet train, int maxIterations, Rng rng, Consumer<String> print) {
        Map<String, double[]> trainLoss = new LinkedHashMap<>();
        for (String key : optimizers.keySet()) {
            trainLoss.put(key, new double[maxIterations]);
        }
        for (int i = 0; i < maxIterations; i++) {
            int[] batchMask = rng.choice(train.size(), BATCH_SIZE);
            Matrix xBatch = train.images(batchMask);          // (128, 784)
            int[] tBatch = train.labels(batchMask);
            for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
                MultiLayerNet network = networks.get(e.getKey());
                Map<String, Matrix> grads = network.gradient(xBatch, tBatch);
                e.getValue().update(network.params, grads);
                trainLoss.get(e.getKey())[i] = network.loss(xBatch, tBatch);
            }
            if (i % PRINT_EVERY == 0) {
                print.accept("===========" + "iteration:" + i + "===========");
                for (String key : optimizers.keySet()) {
                    print.accept(key + ":" + trainLoss.get(key)[i]);   // the book computes this same loss again
                }
            }
        }
        return trainLoss;
    }

    /** Smoothed losses, a marker every 100 iterations, y from 0 to 1, as figure 6-9. */
    static JFreeChart chart(Map<String, double[]> trainLoss) {
        LineChart chart = new LineChart("iterations", "loss").yRange(0, 1).yTickUnit(0.2).markEvery(PRINT_EVERY);
        for (Map.Entry<String, double[]> e : trainLoss.entrySet()) {
            chart.add(e.getKey(), Smoothing.smoothCurve(e.getValue()));
        }
        return chart.chart();
    }
}
