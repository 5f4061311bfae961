package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import dlfs.plot.ChartGrid;
import dlfs.plot.LineChart;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Training accuracy with and without batch normalization for 16 initial weight scales, 10^0 … 10^−4.
 * Book §6.3.2, figure 6-18 and 6-19; port of ch06/batch_norm_test.py (renamed: a main ending in "Test" reads
 * as a JUnit class). Without batch norm the largest scales diverge to NaN, as in the book; the accuracy of such
 * a net is still computed (a row of NaN predicts class 0, as numpy's argmax does), and a warning names the scale.
 *
 * <p>Options: {@code --seed N}, {@code --show}.
 */
public final class BatchNormCompare {
    static final long SEED = 2026;
    static final int TRAIN_SIZE = 1000;                    // x_train = x_train[:1000]
    static final int[] HIDDEN_SIZE_LIST = {100, 100, 100, 100, 100};
    static final int MAX_EPOCHS = 20;
    static final int BATCH_SIZE = 100;
    static final double LEARNING_RATE = 0.01;
    static final int SCALES = 16;                          // np.logspace(0, -4, num=16)

    /** Training accuracy per epoch of both nets; {@code divergedEpoch} is −1 unless the plain net hit NaN. */
    record Result(double[] trainAccList, double[] bnTrainAccList, int divergedEpoch) {
    }

    private BatchNormCompare() {
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        // 0: load MNIST
        MnistSet train = Mnist.load().train().first(TRAIN_SIZE);
        Matrix xTrain = train.images(0, TRAIN_SIZE);
        int[] tTrain = train.labels(0, TRAIN_SIZE);

        // 1: one run per weight scale, each with its own seeded random source
        double[] weightScaleList = logspace(0, -4, SCALES);
        Rng rng = new Rng(seed);
        ChartGrid grid = new ChartGrid(4, 330, 260)                     // plt.subplot(4, 4, i+1)
                .title("Training accuracy with (solid) and without (dashed) batch normalization")
                .sharedAxes().sharedLegend();                            // ticks on the outer panels, one legend
        for (int i = 0; i < SCALES; i++) {
            double w = weightScaleList[i];
            System.out.println("============== " + (i + 1) + "/16" + " ==============");
            Result r = train(xTrain, tTrain, w, MAX_EPOCHS, rng.split(), System.out);
            grid.add(panel(w, r));
        }

        // 3: draw graph
        Path path = grid.save("batch_norm_compare");
        System.out.println("figure: " + path);
        grid.showIfAsked("batch_norm_compare", args);
    }

    /** The book's {@code __train(weight_init_std)}: both nets see the same mini-batch each iteration. */
    static Result train(Matrix xTrain, int[] tTrain, double weightInitStd, int maxEpochs, Rng rng, PrintStream out) {
        WeightInit init = WeightInit.std(weightInitStd);
        MultiLayerNetExtend bnNetwork = MultiLayerNetExtend.withBatchnorm(784, HIDDEN_SIZE_LIST, 10, init, true, rng);
        MultiLayerNetExtend network = MultiLayerNetExtend.withBatchnorm(784, HIDDEN_SIZE_LIST, 10, init, false, rng);
        SGD optimizer = new SGD(LEARNING_RATE);
        double[] trainAccList = new double[maxEpochs], bnTrainAccList = new double[maxEpochs];
        int trainSize = xTrain.rows;
        double iterPerEpoch = Math.max((double) trainSize / BATCH_SIZE, 1);
        int epochCnt = 0, divergedEpoch = -1;
        for (int i = 0; epochCnt < maxEpochs; i++) {
            int[] batchMask = rng.choice(trainSize, BATCH_SIZE);
            Matrix xBatch = xTrain.selectRows(batchMask);
            int[] tBatch = pick(tTrain, batchMask);
            for (MultiLayerNetExtend net : new MultiLayerNetExtend[] {bnNetwork, network}) {
                optimizer.update(net.params, net.gradient(xBatch, tBatch));
            }
            if (i % iterPerEpoch == 0) {
                trainAccList[epochCnt] = network.accuracy(xTrain, tTrain);
                bnTrainAccList[epochCnt] = bnNetwork.accuracy(xTrain, tTrain);
                out.println("epoch:" + epochCnt + " | " + trainAccList[epochCnt] + " - " + bnTrainAccList[epochCnt]);
                if (divergedEpoch < 0 && hasNaN(network)) {
                    divergedEpoch = epochCnt;
                    out.println("warning: W:" + format(weightInitStd) + " without batch norm diverged to NaN by epoch "
                            + epochCnt + "; its accuracy from here on is the share of label 0 (a NaN row predicts"
                            + " class 0, as numpy's argmax does)");
                }
                epochCnt++;
            }
        }
        return new Result(trainAccList, bnTrainAccList, divergedEpoch);
    }

    private static boolean hasNaN(MultiLayerNetExtend network) {
        for (Matrix p : network.params.values()) {
            if (p.hasNonFinite()) {
                return true;
            }
        }
        return false;
    }

    /** One panel of the 4×4 grid; the grid puts tick labels at its left and bottom edges and one legend under it. */
    private static JFreeChart panel(double w, Result r) {
        String title = "W:" + format(w) + (r.divergedEpoch() >= 0 ? " (no BN: NaN)" : "");
        return new LineChart("epochs", "accuracy").title(title).yRange(0, 1.0).linesOnly()
                .add("Batch Normalization", r.bnTrainAccList())
                .addDashed("Normal(without BatchNorm)", r.trainAccList()).chart();
    }

    /** numpy's {@code np.logspace(start, stop, num)}: num values 10^start … 10^stop, evenly spaced in the exponent. */
    static double[] logspace(double start, double stop, int num) {
        double[] out = new double[num];
        for (int i = 0; i < num; i++) {
            out[i] = Math.pow(10, start + (stop - start) * i / (num - 1));
        }
        return out;
    }

    /** "1.0", "0.541", "0.00251", "0.0001". */
    static String format(double w) {
        return String.format(Locale.ROOT, "%.3g", w).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", ".0");
    }

    static int[] pick(int[] t, int[] idx) {
        int[] out = new int[idx.length];
        for (int n = 0; n < idx.length; n++) {
            out[n] = t[idx[n]];
        }
        return out;
    }
}
