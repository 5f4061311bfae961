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

/**
 * Overfitting on 300 training images with a 7-layer net, held back by weight decay λ = 0.1: train and test accuracy
 * per epoch. Book §6.4.2, figure 6-21; port of ch06/overfit_weight_decay.py. In the Japanese and Korean first
 * editions the script serves §6.4.1 as well: its commented-out line λ = 0 gives figure 6-20 (oreilly-japan issue
 * #11). The Korean remaster made that run a script of its own, overfit.py, so this main runs λ = 0.1 only.
 */
public final class OverfitWeightDecay {
    static final Script SCRIPT = new Script("OverfitWeightDecay", "ch06/overfit_weight_decay.py",
            OverfitWeightDecay::run)
            .book("6.4.2", "6-21")
            .firstEditions("ch06/overfit_weight_decay.py", "6.4.1-6.4.2", "6-20, 6-21")
            .page(Edition.KOREAN_FIRST, "215")
            .summary("300 MNIST images, 784-[100x6]-10, SGD with weight decay 0.1: train and test accuracy per"
                    + " epoch. Its commented-out line, weight decay 0 (figure 6-20), is the remaster's overfit.py.")
            .figures("overfit_weight_decay.png")
            .seed()
            .number("epochs", 201, 1, 100_000, "max_epochs")
            .show();

    private OverfitWeightDecay() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)

        // load MNIST; keep 300 training images to reproduce overfitting
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train().first(300);
        double weightDecayLambda = 0.1;                                 // weight_decay_lambda = 0.1
        int maxEpochs = options.number("epochs");
        LineChart chart = new LineChart("epochs", "accuracy").title("Weight decay \u03bb = "
                + Py.str(weightDecayLambda)).yRange(0, 1.0).markEvery(10);
        LiveChart live = Figures.live(options, "overfit_weight_decay", chart.size(640, 480)).xRange(0, maxEpochs - 1);
        Result result = train(train, mnist.test(), weightDecayLambda, maxEpochs, rng, live);

        // 3: draw graph ==========
        Figures.save(options, "overfit_weight_decay", chart.add("train", result.trainAccList())
                .add("test", result.testAccList()));
    }

    /** Accuracy per epoch on the training and on the test data. */
    record Result(double[] trainAccList, double[] testAccList) {
    }

    /**
     * The script from the network on: SGD on random mini-batches, both accuracies printed every epoch (and drawn
     * by {@code live} as they come, with --show).
     */
    static Result train(MnistSet train, MnistSet test, double weightDecayLambda, int maxEpochs, Rng rng,
                        LiveChart live) {
        Matrix xTrain = train.images(0, train.size()), xTest = test.images(0, test.size());
        int[] tTrain = train.labels(0, train.size()), tTest = test.labels(0, test.size());

        MultiLayerNet network = new MultiLayerNet(784, new int[] {100, 100, 100, 100, 100, 100}, 10, Activation.RELU,
                WeightInit.HE, weightDecayLambda, rng).label("lambda=" + Py.str(weightDecayLambda));
        SGD optimizer = new SGD(0.01);

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
        return new Result(trainAccList, testAccList);
    }
}
