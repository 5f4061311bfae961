package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import dlfs.plot.LineChart;
import dlfs.plot.PngFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Overfitting on 300 training images with a 7-layer net, without and with weight decay: train and test accuracy
 * per epoch. Book §6.4.1–6.4.2, figures 6-20 and 6-21; port of ch06/overfit_weight_decay.py. The script's two
 * settings (λ = 0, which the book obtains by editing the script, and λ = 0.1) both run, one figure each.
 *
 * <p>Options: {@code --seed N}, {@code --show}.
 */
public final class OverfitWeightDecay {
    static final long SEED = 2026;
    static final int TRAIN_SIZE = 300;                           // x_train = x_train[:300]
    static final int[] HIDDEN_SIZE_LIST = {100, 100, 100, 100, 100, 100};
    static final double[] WEIGHT_DECAY_LAMBDAS = {0, 0.1};       // weight_decay_lambda = 0 (no decay) / 0.1
    static final double LEARNING_RATE = 0.01;
    static final int MAX_EPOCHS = 201;
    static final int BATCH_SIZE = 100;

    /** Accuracy per epoch on the training and the test data. */
    record Result(double[] trainAccList, double[] testAccList) {
        double finalGap() {
            return trainAccList[trainAccList.length - 1] - testAccList[testAccList.length - 1];
        }
    }

    private OverfitWeightDecay() {
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        // 0: load MNIST; keep 300 training images to reproduce overfitting
        Mnist mnist = Mnist.load();
        Matrix xTrain = mnist.train().images(0, TRAIN_SIZE), xTest = mnist.test().images(0, mnist.test().size());
        int[] tTrain = mnist.train().labels(0, TRAIN_SIZE), tTest = mnist.test().labels(0, mnist.test().size());
        Rng rng = new Rng(seed);
        Rng[] rngs = {rng.split(), rng.split()};                 // one per λ, drawn up front
        for (int k = 0; k < WEIGHT_DECAY_LAMBDAS.length; k++) {
            double lambda = WEIGHT_DECAY_LAMBDAS[k];
            System.out.println("=============== weight decay lambda = " + lambda + " ===============");
            Result r = train(xTrain, tTrain, xTest, tTest, lambda, MAX_EPOCHS, rngs[k], System.out);
            System.out.printf(Locale.ROOT, "lambda=%s: final train acc %.3f, test acc %.3f, gap %.3f%n", lambda,
                    r.trainAccList()[MAX_EPOCHS - 1], r.testAccList()[MAX_EPOCHS - 1], r.finalGap());
            // 3: draw graph
            JFreeChart chart = accuracyChart("weight decay \u03bb = " + format(lambda), r.trainAccList(), r.testAccList());
            Path path = PngFiles.save(chart, "overfit_weight_decay-lambda" + format(lambda), 640, 480);
            System.out.println("figure: " + path);
            PngFiles.showIfAsked(chart, path.getFileName().toString(), args, 640, 480);
        }
    }

    /** The script's training loop: SGD on random mini-batches, both accuracies at every epoch. */
    static Result train(Matrix xTrain, int[] tTrain, Matrix xTest, int[] tTest, double weightDecayLambda,
                        int maxEpochs, Rng rng, PrintStream out) {
        MultiLayerNet network = new MultiLayerNet(784, HIDDEN_SIZE_LIST, 10, Activation.RELU, WeightInit.HE,
                weightDecayLambda, rng);
        SGD optimizer = new SGD(LEARNING_RATE);
        double[] trainAccList = new double[maxEpochs], testAccList = new double[maxEpochs];
        int trainSize = xTrain.rows;
        double iterPerEpoch = Math.max((double) trainSize / BATCH_SIZE, 1);
        int epochCnt = 0;
        for (int i = 0; epochCnt < maxEpochs; i++) {
            int[] batchMask = rng.choice(trainSize, BATCH_SIZE);
            Matrix xBatch = xTrain.selectRows(batchMask);
            int[] tBatch = BatchNormCompare.pick(tTrain, batchMask);
            optimizer.update(network.params, network.gradient(xBatch, tBatch));
            if (i % iterPerEpoch == 0) {
                trainAccList[epochCnt] = network.accuracy(xTrain, tTrain);
                testAccList[epochCnt] = network.accuracy(xTest, tTest);
                out.println("epoch:" + epochCnt + ", train acc:" + trainAccList[epochCnt] + ", test acc:"
                        + testAccList[epochCnt]);
                epochCnt++;
            }
        }
        return new Result(trainAccList, testAccList);
    }

    /** Train (circles) and test (squares) accuracy per epoch, markers every 10 epochs, y from 0 to 1. */
    static JFreeChart accuracyChart(String title, double[] trainAccList, double[] testAccList) {
        return new LineChart("epochs", "accuracy").title(title).yRange(0, 1.0).markEvery(10)
                .add("train", trainAccList).add("test", testAccList).chart();
    }

    /** 0 → "0", 0.1 → "0.1" (the figure names of the issue). */
    static String format(double lambda) {
        return lambda == Math.rint(lambda) ? String.valueOf((long) lambda) : String.valueOf(lambda);
    }
}
