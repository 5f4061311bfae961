package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.Trainer;
import dlfs.network.WeightInit;
import dlfs.plot.PngFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Overfitting on 300 training images with a 7-layer net, with dropout (ratio 0.2) and, for comparison, without:
 * train and test accuracy per epoch. Book §6.4.3, figure 6-23; port of ch06/overfit_dropout.py. The script's
 * {@code use_dropout = True} is {@code figures/overfit_dropout.png}; its {@code False} is
 * {@code figures/overfit_dropout-without.png}.
 *
 * <p>Options: {@code --seed N}, {@code --show}, {@code --quiet} (one progress line per epoch instead of
 * the book's lines).
 */
public final class OverfitDropout {
    static final long SEED = 2026;
    static final int TRAIN_SIZE = 300;                           // x_train = x_train[:300]
    static final int[] HIDDEN_SIZE_LIST = {100, 100, 100, 100, 100, 100};
    static final double DROPOUT_RATIO = 0.2;
    static final int EPOCHS = 301;
    static final int MINI_BATCH_SIZE = 100;
    static final double LEARNING_RATE = 0.01;

    private OverfitDropout() {
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        boolean verbose = !java.util.Arrays.asList(args).contains("--quiet");
        // 0: load MNIST; keep 300 training images to reproduce overfitting
        Mnist mnist = Mnist.load();
        Matrix xTrain = mnist.train().images(0, TRAIN_SIZE), xTest = mnist.test().images(0, mnist.test().size());
        int[] tTrain = mnist.train().labels(0, TRAIN_SIZE), tTest = mnist.test().labels(0, mnist.test().size());
        Rng rng = new Rng(seed);
        Rng[] rngs = {rng.split(), rng.split()};                 // with, without: drawn up front
        OverfitWeightDecay.Result[] results = new OverfitWeightDecay.Result[2];
        for (int k = 0; k < 2; k++) {
            boolean useDropout = k == 0;
            System.out.println("=============== use_dropout = " + (useDropout ? "True" : "False") + " ===============");
            results[k] = train(xTrain, tTrain, xTest, tTest, useDropout, EPOCHS, rngs[k], verbose, System.out);
            // 3: draw graph
            String title = useDropout ? "dropout ratio " + DROPOUT_RATIO : "without dropout";
            JFreeChart chart = OverfitWeightDecay.accuracyChart(title, results[k].trainAccList(),
                    results[k].testAccList());
            Path path = PngFiles.save(chart, "overfit_dropout" + (useDropout ? "" : "-without"), 640, 480);
            System.out.println("figure: " + path);
            PngFiles.showIfAsked(chart, path.getFileName().toString(), args, 640, 480);
        }
        for (int k = 0; k < 2; k++) {
            OverfitWeightDecay.Result r = results[k];
            System.out.printf(Locale.ROOT, "%-16s final train acc %.3f, test acc %.3f, gap %.3f%n",
                    k == 0 ? "with dropout:" : "without dropout:", r.trainAccList()[EPOCHS - 1],
                    r.testAccList()[EPOCHS - 1], r.finalGap());
        }
    }

    /** The script: MultiLayerNetExtend trained by {@link Trainer} with SGD, printing the book's lines if verbose,
     * else one progress line per epoch. */
    static OverfitWeightDecay.Result train(Matrix xTrain, int[] tTrain, Matrix xTest, int[] tTest, boolean useDropout,
                                           int epochs, Rng rng, boolean verbose, PrintStream out) {
        MultiLayerNetExtend network = new MultiLayerNetExtend(784, HIDDEN_SIZE_LIST, 10, Activation.RELU,
                WeightInit.HE, 0.0, useDropout, DROPOUT_RATIO, false, rng);
        Trainer trainer = new Trainer(network, xTrain, tTrain, xTest, tTest, rng).epochs(epochs)
                .miniBatchSize(MINI_BATCH_SIZE).optimizer("sgd", Map.of("lr", LEARNING_RATE)).verbose(verbose)
                .printTo(out).progress(verbose ? null : out);
        trainer.train();
        return new OverfitWeightDecay.Result(toArray(trainer.trainAccList), toArray(trainer.testAccList));
    }

    /** A recorded accuracy list as an array (numpy's view of the book's Python list). */
    static double[] toArray(java.util.List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
