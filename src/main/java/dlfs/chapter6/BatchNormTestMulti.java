package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import dlfs.plot.ChartGrid;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import dlfs.util.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training accuracy with and without batch normalization for 16 initial weight scales, 10^0 … 10^−4.
 * Book §6.3.2, figure 6-19; port of the Korean remaster's ch06/batch_norm_test_multi.py, which is the Japanese
 * and Korean first-edition repositories' ch06/batch_norm_test.py (figures 6-18 and 6-19 there) with smaller
 * panel titles; both print the same. With the default {@code --seed 0} it prints what they print after
 * {@code np.random.seed(0)}. Without batch norm the largest scales diverge to NaN, as in the book's run; a NaN
 * row predicts class 0 (numpy's argmax does the same), so such a net's accuracy is the share of label 0. The
 * remaster's batch_norm_test.py is now one pair of networks, for figure 6-18 alone.
 */
public final class BatchNormTestMulti {
    static final Script SCRIPT = new Script("BatchNormTestMulti", "ch06/batch_norm_test_multi.py",
            BatchNormTestMulti::run)
            .book("6.3.2", "6-19")
            .firstEditions("ch06/batch_norm_test.py", "6.3.2", "6-18, 6-19")
            .page(Edition.KOREAN_FIRST, "212")
            .summary("1000 MNIST images, 784-[100x5]-10, SGD; training accuracy with and without batch"
                    + " normalization for 16 weight scales from 1 to 0.0001. The Japanese repository's"
                    + " batch_norm_test.py, which the remaster renamed batch_norm_test_multi.py (its"
                    + " batch_norm_test.py is now one weight scale, figure 6-18).")
            .figures("batch_norm_test_multi.png")
            .seed()
            .number("epochs", 20, 1, 10_000, "max_epochs for each weight scale")
            .show();

    private BatchNormTestMulti() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)

        // load MNIST, keep 1000 training images (x_train[:1000], t_train[:1000])
        MnistSet train = Mnist.load().train().first(1000);
        int maxEpochs = options.number("epochs");

        // 3: draw graph: one panel per weight scale, trained in turn ==========
        double[] weightScaleList = logspace(0, -4, 16);
        ChartGrid grid = new ChartGrid(4, 330, 260)                     // plt.subplot(4, 4, i+1)
                .title("Training accuracy with (solid) and without (dashed) batch normalization")
                .sharedAxes().sharedLegend();                            // ticks on the outer panels, one legend
        LiveChart live = Figures.live(options, "batch_norm_test_multi", grid);   // with --show, filled as it trains
        List<String> diverged = new ArrayList<>();
        for (int i = 0; i < weightScaleList.length; i++) {
            double w = weightScaleList[i];
            System.out.println("============== " + (i + 1) + "/16" + " ==============");
            live.panel(new LineChart("epochs", "accuracy").title("W:" + String.format(Locale.ROOT, "%.3g", w))
                    .yRange(0, 1.0).xRange(0, Math.max(1, maxEpochs - 1)).linesOnly());
            Result r = train(train, w, maxEpochs, rng, live);
            if (r.diverged()) {
                diverged.add("W:" + Py.str(w));
            }
            grid.add(new LineChart("epochs", "accuracy").title("W:" + String.format(Locale.ROOT, "%.3g", w)
                    + (r.diverged() ? " (no BN: NaN)" : "")).yRange(0, 1.0).linesOnly()
                    .add("Batch Normalization", r.bnTrainAccList())
                    .addDashed("Normal(without BatchNorm)", r.trainAccList()));
        }
        if (!diverged.isEmpty()) {   // beyond the book
            System.out.println("without batch norm, " + String.join(" and ", diverged) + " diverged to NaN; their"
                    + " accuracy is the share of label 0 (a NaN row predicts class 0, as numpy's argmax does)");
        }
        Figures.save(options, "batch_norm_test_multi", grid);
    }

    /** What {@code __train} returns, and whether the net without batch norm diverged to NaN. */
    record Result(double[] trainAccList, double[] bnTrainAccList, boolean diverged) {
    }

    /**
     * The book's {@code __train(weight_init_std)}: both nets take an SGD step on the same mini-batch; every epoch
     * the training accuracy of both is printed (and drawn by {@code live}, with --show).
     */
    static Result train(MnistSet train, double weightInitStd, int maxEpochs, Rng rng, LiveChart live) {
        Matrix xTrain = train.images(0, train.size());
        int[] tTrain = train.labels(0, train.size());
        WeightInit init = WeightInit.std(weightInitStd);
        int[] hiddenSizeList = {100, 100, 100, 100, 100};
        MultiLayerNetExtend bnNetwork = MultiLayerNetExtend.withBatchnorm(784, hiddenSizeList, 10, init, true, rng);
        MultiLayerNetExtend network = MultiLayerNetExtend.withBatchnorm(784, hiddenSizeList, 10, init, false, rng);
        bnNetwork.label("BatchNorm W:" + Py.str(weightInitStd));
        network.label("W:" + Py.str(weightInitStd));
        SGD optimizer = new SGD(0.01);
        double[] trainAccList = new double[maxEpochs], bnTrainAccList = new double[maxEpochs];

        int trainSize = xTrain.rows;
        int batchSize = 100;
        double iterPerEpoch = Math.max((double) trainSize / batchSize, 1);
        int epochCnt = 0;
        for (int i = 0; ; i++) {
            int[] batchMask = rng.choice(trainSize, batchSize);
            Matrix xBatch = train.images(batchMask);
            int[] tBatch = train.labels(batchMask);
            for (MultiLayerNetExtend net : new MultiLayerNetExtend[] {bnNetwork, network}) {
                optimizer.update(net.params, net.gradient(xBatch, tBatch));
            }
            if (i % iterPerEpoch == 0) {
                trainAccList[epochCnt] = network.accuracy(xTrain, tTrain);
                bnTrainAccList[epochCnt] = bnNetwork.accuracy(xTrain, tTrain);
                System.out.println("epoch:" + epochCnt + " | " + Py.str(trainAccList[epochCnt]) + " - "
                        + Py.str(bnTrainAccList[epochCnt]));
                live.add("Batch Normalization", epochCnt, bnTrainAccList[epochCnt]);
                live.addDashed("Normal(without BatchNorm)", epochCnt, trainAccList[epochCnt]);
                epochCnt++;
                if (epochCnt >= maxEpochs) {
                    break;
                }
            }
        }
        return new Result(trainAccList, bnTrainAccList, network.params.get("W1").hasNonFinite());
    }

    /** numpy's {@code np.logspace(start, stop, num)}: 10^y for y = linspace(start, stop, num), in numpy's arithmetic. */
    static double[] logspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);      // np.linspace: y = arange(num) * step + start, y[-1] = stop
        double[] out = new double[num];
        for (int i = 0; i < num; i++) {
            double y = i == num - 1 ? stop : i * step + start;
            out[i] = Math.pow(10, y);
        }
        return out;
    }
}
