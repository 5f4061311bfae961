package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNet;
import dlfs.optimizer.AdaGrad;
import dlfs.optimizer.Adam;
import dlfs.optimizer.Momentum;
import dlfs.optimizer.Optimizer;
import dlfs.optimizer.SGD;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import dlfs.util.Py;
import dlfs.util.Smoothing;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SGD, Momentum, AdaGrad and Adam, each with its default learning rate, training the same 784-[100, 100, 100,
 * 100]-10 ReLU network on MNIST. Book §6.1.8, figure 6-9; port of ch06/optimizer_compare_mnist.py. With the
 * default {@code --seed 0} it prints what the book's script prints after {@code np.random.seed(0)}; beyond the
 * book it then prints each network's accuracy on the 10 000 test images.
 */
public final class OptimizerCompareMnist {
    static final Script SCRIPT = new Script("OptimizerCompareMnist", "ch06/optimizer_compare_mnist.py",
            OptimizerCompareMnist::run)
            .book("6.1.8", "6-9")
            .page(Edition.KOREAN_FIRST, "201")
            .summary("SGD, Momentum, AdaGrad and Adam train the same network on MNIST; plots the smoothed losses.")
            .figures("optimizer_compare_mnist.png")
            .seed()
            .number("iterations", 2000, 11, 1_000_000,
                    "max_iterations; at least 11, the window of the book's smooth_curve")
            .show();

    private OptimizerCompareMnist() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)

        // 0: load MNIST ==========
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train();
        int trainSize = train.size();
        int batchSize = 128;
        int maxIterations = options.number("iterations");

        // 1: experiment settings ==========
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("SGD", new SGD());
        optimizers.put("Momentum", new Momentum());
        optimizers.put("AdaGrad", new AdaGrad());
        optimizers.put("Adam", new Adam());

        Map<String, MultiLayerNet> networks = new LinkedHashMap<>();
        Map<String, double[]> trainLoss = new LinkedHashMap<>();
        for (String key : optimizers.keySet()) {
            networks.put(key, new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, rng).label(key));
            trainLoss.put(key, new double[maxIterations]);
        }

        // the graph of step 3, drawn while it trains when --show opens a window (the book draws it at the end)
        LineChart chart = new LineChart("iterations", "loss").title("SGD, Momentum, AdaGrad, Adam on MNIST")
                .yRange(0, 1).markEvery(100);
        LiveChart live = Figures.live(options, "optimizer_compare_mnist", chart.size(800, 600)).smoothed()
                .xRange(0, maxIterations - 1);

        // 2: training ==========
        for (int i = 0; i < maxIterations; i++) {
            int[] batchMask = rng.choice(trainSize, batchSize);
            Matrix xBatch = train.images(batchMask);                    // x_train[batch_mask]  (128, 784)
            int[] tBatch = train.labels(batchMask);                     // t_train[batch_mask]  (128)

            for (String key : optimizers.keySet()) {
                MultiLayerNet network = networks.get(key);
                Map<String, Matrix> grads = network.gradient(xBatch, tBatch);
                optimizers.get(key).update(network.params, grads);
                trainLoss.get(key)[i] = network.loss(xBatch, tBatch);
                live.add(key, i, trainLoss.get(key)[i]);
            }

            if (i % 100 == 0) {
                System.out.println("===========" + "iteration:" + i + "===========");
                for (String key : optimizers.keySet()) {
                    System.out.println(key + ":" + Py.str(trainLoss.get(key)[i]));   // the same loss the book computes again
                }
            }
        }

        // beyond the book: how well each network does on the 10 000 test images
        Matrix xTest = mnist.test().images(0, mnist.test().size());
        int[] tTest = mnist.test().labels(0, mnist.test().size());
        for (String key : optimizers.keySet()) {
            System.out.printf(Locale.ROOT, "%s test accuracy: %.4f%n", key, networks.get(key).accuracy(xTest, tTest));
        }

        // 3: draw graph ==========
        for (String key : optimizers.keySet()) {
            chart.add(key, Smoothing.smoothCurve(trainLoss.get(key)));
        }
        Figures.save(options, "optimizer_compare_mnist", chart);
    }
}
