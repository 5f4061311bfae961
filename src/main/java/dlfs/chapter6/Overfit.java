package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNet;
import dlfs.optimizer.SGD;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import dlfs.util.Py;

/**
 * Overfitting on purpose: a 7-layer net trained on 300 images without weight decay reaches 100 % training
 * accuracy while the test accuracy stays far below. Book §6.4.1, figure 6-20; port of the Korean remaster's
 * ch06/overfit.py. The Japanese and Korean first-edition repositories have no such script: there figure 6-20 comes
 * from overfit_weight_decay.py after editing its line to weight_decay_lambda = 0 (oreilly-japan issue #11), a run
 * that prints the same. With the default {@code --seed 0} it prints what the script prints after
 * {@code np.random.seed(0)}: 201 epoch lines.
 */
public final class Overfit {
    static final Script SCRIPT = new Script("Overfit", "ch06/overfit.py", Overfit::run)
            .book("6.4.1", "6-20")
            .firstEditions(null, "6.4.1", "6-20")
            .summary("300 MNIST images, 784-[100x6]-10, SGD without weight decay: train and test accuracy per"
                    + " epoch. The Korean remaster's overfit.py; in the first editions, overfit_weight_decay.py with"
                    + " its line weight_decay_lambda = 0 (overfit_weight_decay.py runs its 0.1).")
            .figures("overfit.png")
            .seed()
            .number("epochs", 201, 1, 100_000, "max_epochs")
            .show();

    private Overfit() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)

        // load MNIST; keep 300 training images to reproduce overfitting
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train().first(300);
        int maxEpochs = options.number("epochs");
        LineChart chart = new LineChart("epochs", "accuracy").title("Overfitting (no weight decay)")
                .yRange(0, 1.0).markEvery(10);
        LiveChart live = Figures.live(options, "overfit", chart.size(640, 480)).xRange(0, maxEpochs - 1);
        double[][] accLists = train(train, mnist.test(), maxEpochs, rng, live);  // train_acc_list, test_acc_list

        // draw graph ==========
        Figures.save(options, "overfit", chart.add("train", accLists[0]).add("test", accLists[1]));
    }

    /**
     * The script from the network on: SGD on random mini-batches, both accuracies printed every epoch. Returns
     * {train_acc_list, test_acc_list}; {@code live} draws them as they come (with --show).
     */
    static double[][] train(MnistSet train, MnistSet test, int maxEpochs, Rng rng, LiveChart live) {
        Matrix xTrain = train.images(0, train.size()), xTest = test.images(0, test.size());
        int[] tTrain = train.labels(0, train.size()), tTest = test.labels(0, test.size());

        // the book's defaults: ReLU, He initial weights ('relu'), weight_decay_lambda = 0
        MultiLayerNet network = new MultiLayerNet(784, new int[] {100, 100, 100, 100, 100, 100}, 10, rng);
        SGD optimizer = new SGD(0.01);                                   // SGD with learning rate 0.01

        int trainSize = xTrain.rows;
        int batchSize = 100;
        double[] trainAccList = new double[maxEpochs], testAccList = new double[maxEpochs];
        double iterPerEpoch = Math.max((double) trainSize / batchSize, 1);
        int epochCnt = 0;
        for (int i = 0; ; i++) {
            int[] batchMask = rng.choice(trainSize, batchSize);
            Matrix xBatch = train.images(batchMask);
            int[] tBatch = train.labels(batchMask);

            optimizer.update(network.params, network.gradient(xBatch, tBatch));

            if (i % iterPerEpoch == 0) {
                trainAccList[epochCnt] = network.accuracy(xTrain, tTrain);
                testAccList[epochCnt] = network.accuracy(xTest, tTest);
                System.out.println("epoch:" + epochCnt + ", train acc:" + Py.str(trainAccList[epochCnt])
                        + ", test acc:" + Py.str(testAccList[epochCnt]));
                live.add("train", epochCnt, trainAccList[epochCnt]);
                live.add("test", epochCnt, testAccList[epochCnt]);
                epochCnt++;
                if (epochCnt >= maxEpochs) {
                    break;
                }
            }
        }
        return new double[][] {trainAccList, testAccList};
    }
}
