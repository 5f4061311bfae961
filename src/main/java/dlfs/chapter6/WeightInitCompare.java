package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Edition;
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
import dlfs.window.LiveChart;
import dlfs.util.Py;
import dlfs.util.Smoothing;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The same 5-layer ReLU network trained on MNIST from three initial weights, std=0.01, Xavier and He, and their
 * losses. Book §6.2.4, figure 6-15; port of ch06/weight_init_compare.py. With the default {@code --seed 0} it
 * prints what the book's script prints after {@code np.random.seed(0)}; beyond the book it then prints each
 * network's accuracy on the 10 000 test images.
 */
public final class WeightInitCompare {
    static final Script SCRIPT = new Script("WeightInitCompare", "ch06/weight_init_compare.py",
            WeightInitCompare::run)
            .book("6.2.4", "6-15")
            .page(Edition.KOREAN_FIRST, "209")
            .summary("SGD on MNIST from the initial weights std=0.01, Xavier and He; plots the smoothed losses.")
            .figures("weight_init_compare.png")
            .seed()
            .number("iterations", 2000, 11, 1_000_000,
                    "max_iterations; at least 11, the window of the book's smooth_curve")
            .show();

    private WeightInitCompare() {
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
        Map<String, WeightInit> weightInitTypes = new LinkedHashMap<>();
        weightInitTypes.put("std=0.01", WeightInit.std(0.01));
        weightInitTypes.put("Xavier", WeightInit.XAVIER);              // the book's 'sigmoid'
        weightInitTypes.put("He", WeightInit.HE);                      // the book's 'relu'
        SGD optimizer = new SGD(0.01);

        Map<String, MultiLayerNet> networks = new LinkedHashMap<>();
        Map<String, double[]> trainLoss = new LinkedHashMap<>();
        for (Map.Entry<String, WeightInit> e : weightInitTypes.entrySet()) {
            networks.put(e.getKey(), new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, Activation.RELU,
                    e.getValue(), 0, rng).label(e.getKey()));
            trainLoss.put(e.getKey(), new double[maxIterations]);
        }

        // the graph of step 3, drawn while it trains when --show opens a window (the book draws it at the end)
        LineChart chart = new LineChart("iterations", "loss").title("Initial weights: std=0.01, Xavier, He (MNIST)")
                .yRange(0, 2.5).markEvery(100);
        LiveChart live = Figures.live(options, "weight_init_compare", chart.size(800, 560)).smoothed()
                .xRange(0, maxIterations - 1);

        // 2: training ==========
        for (int i = 0; i < maxIterations; i++) {
            int[] batchMask = rng.choice(trainSize, batchSize);
            Matrix xBatch = train.images(batchMask);                    // x_train[batch_mask]  (128, 784)
            int[] tBatch = train.labels(batchMask);                     // t_train[batch_mask]  (128)

            for (String key : weightInitTypes.keySet()) {
                MultiLayerNet network = networks.get(key);
                Map<String, Matrix> grads = network.gradient(xBatch, tBatch);
                optimizer.update(network.params, grads);
                trainLoss.get(key)[i] = network.loss(xBatch, tBatch);
                live.add(key, i, trainLoss.get(key)[i]);
            }

            if (i % 100 == 0) {
                System.out.println("===========" + "iteration:" + i + "===========");
                for (String key : weightInitTypes.keySet()) {
                    System.out.println(key + ":" + Py.str(trainLoss.get(key)[i]));   // the same loss the book computes again
                }
            }
        }

        // beyond the book: how well each network does on the 10 000 test images
        Matrix xTest = mnist.test().images(0, mnist.test().size());
        int[] tTest = mnist.test().labels(0, mnist.test().size());
        for (String key : weightInitTypes.keySet()) {
            System.out.printf(Locale.ROOT, "%s test accuracy: %.4f%n", key, networks.get(key).accuracy(xTest, tTest));
        }

        // 3: draw graph ==========
        for (String key : weightInitTypes.keySet()) {
            chart.add(key, Smoothing.smoothCurve(trainLoss.get(key)));
        }
        Figures.save(options, "weight_init_compare", chart);
    }
}
