package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import dlfs.util.Py;

/**
 * Training accuracy with and without batch normalization at one initial weight scale, 10^(−16/15) ≈ 0.0858: with
 * it the network learns much faster. Book §6.3.2, figure 6-18; port of the Korean remaster's
 * ch06/batch_norm_test.py, which since 2025 draws only this figure (the Japanese repository's batch_norm_test.py
 * draws the 16 panels of figure 6-19, oreilly-japan issue #62; the remaster moved those to
 * batch_norm_test_multi.py). With the default {@code --seed 0} it prints what the script prints after
 * {@code np.random.seed(0)}: 20 epoch lines.
 *
 * <p>The name ends in "Test" because every main is named after its script's file, in CamelCase. It is a main in
 * src/main, not a JUnit class: Surefire only looks for tests among the classes compiled from src/test.
 */
public final class BatchNormTest {
    static final Script SCRIPT = new Script("BatchNormTest", "ch06/batch_norm_test.py", BatchNormTest::run)
            .book("6.3.2", "6-18")
            .firstEditions(null, "6.3.2", "6-18")
            .summary("1000 MNIST images, 784-[100x5]-10, SGD; training accuracy with and without batch"
                    + " normalization at the weight scale 0.0858 (weight_scale_list[4]). The Korean remaster's"
                    + " batch_norm_test.py; the Japanese repository's batch_norm_test.py (16 weight scales) is the"
                    + " remaster's batch_norm_test_multi.py: run that name for it.")
            .figures("batch_norm_test.png")
            .seed()
            .number("epochs", 20, 1, 10_000, "max_epochs")
            .show();

    private BatchNormTest() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)

        // load MNIST, keep 1000 training images (x_train[:1000], t_train[:1000])
        MnistSet train = Mnist.load().train().first(1000);
        int maxEpochs = options.number("epochs");

        // draw graph ==========
        // weight_scale_list = np.logspace(0, -4, num=16); the script trains weight_scale_list[4] only, which
        // numpy computes as 10 ** (4 * step) with step = -4 / 15
        double weightScale = Math.pow(10, 4 * (-4.0 / 15));
        LineChart chart = new LineChart("epochs", "accuracy").title("Training Accuracy").yRange(0, 1.0).linesOnly();
        LiveChart live = Figures.live(options, "batch_norm_test", chart.size(640, 480)).xRange(0, maxEpochs - 1);
        double[][] accLists = train(train, weightScale, maxEpochs, rng, live);  // train_acc_list, bn_train_acc_list

        chart.add("Batch Normalization", accLists[1]).addDashed("Normal(without BatchNorm)", accLists[0]);
        Figures.save(options, "batch_norm_test", chart);
    }

    /**
     * The script's {@code __train(weight_init_std)}: both nets take an SGD step on the same mini-batch; every
     * epoch the training accuracy of both is printed (and drawn by {@code live}, with --show). Returns
     * {train_acc_list, bn_train_acc_list}.
     */
    static double[][] train(MnistSet train, double weightInitStd, int maxEpochs, Rng rng, LiveChart live) {
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
        return new double[][] {trainAccList, bnTrainAccList};
    }
}
