package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
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
import dlfs.util.Py;
import java.util.Locale;

/**
 * Overfitting on 300 training images with a 7-layer net, with and without weight decay: train and test accuracy
 * per epoch. Book §6.4.1–6.4.2, figures 6-20 and 6-21; port of ch06/overfit_weight_decay.py. The script as
 * published sets λ = 0.1 (figure 6-21); its commented-out line λ = 0 gives figure 6-20. Both run, each as a fresh
 * run of the script after {@code np.random.seed(0)}, λ = 0.1 first, so its lines are the book's.
 */
public final class OverfitWeightDecay {
    static final Script SCRIPT = new Script("OverfitWeightDecay", "ch06/overfit_weight_decay.py",
            OverfitWeightDecay::run)
            .book("6.4.1-6.4.2", "6-20, 6-21")
            .summary("300 MNIST images, 784-[100x6]-10, SGD: train and test accuracy per epoch with weight decay"
                    + " 0.1 (the script) and 0 (its commented-out line).")
            .figures("overfit_weight_decay-lambda0.1.png, overfit_weight_decay-lambda0.png")
            .seed()
            .number("epochs", 201, 1, 100_000, "max_epochs")
            .show();

    private OverfitWeightDecay() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        // load MNIST; keep 300 training images to reproduce overfitting
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train().first(300);
        double[] weightDecayLambdas = {0.1, 0};                         // the script's 0.1, then its commented-out 0
        Result[] results = new Result[weightDecayLambdas.length];
        for (int k = 0; k < weightDecayLambdas.length; k++) {
            if (k > 0) {
                System.out.println("=============== beyond the book: the script again with weight_decay_lambda = "
                        + lambdaText(weightDecayLambdas[k]) + " ===============");
            }
            results[k] = train(train, mnist.test(), weightDecayLambdas[k], options.number("epochs"),
                    new Rng(options.seed()));                           // np.random.seed(0)
        }
        for (int k = 0; k < weightDecayLambdas.length; k++) {          // beyond the book: the gaps side by side
            System.out.printf(Locale.ROOT, "lambda=%s: final train acc %.3f, test acc %.3f, gap %.3f%n",
                    lambdaText(weightDecayLambdas[k]), results[k].finalTrainAcc(), results[k].finalTestAcc(),
                    results[k].finalTrainAcc() - results[k].finalTestAcc());
        }

        // 3: draw graph ==========
        for (int k = 0; k < weightDecayLambdas.length; k++) {
            String lambda = lambdaText(weightDecayLambdas[k]);
            LineChart chart = new LineChart("epochs", "accuracy").title("Weight decay \u03bb = " + lambda)
                    .yRange(0, 1.0).markEvery(10).add("train", results[k].trainAccList())
                    .add("test", results[k].testAccList());
            Figures.save(options, "overfit_weight_decay-lambda" + lambda, chart.size(640, 480));
        }
    }

    /** "0.1", and "0" as the script's commented-out line writes it (also in the figure's name). */
    private static String lambdaText(double weightDecayLambda) {
        return weightDecayLambda == 0 ? "0" : Py.str(weightDecayLambda);
    }

    /** Accuracy per epoch on the training and on the test data. */
    record Result(double[] trainAccList, double[] testAccList) {
        double finalTrainAcc() {
            return trainAccList[trainAccList.length - 1];
        }

        double finalTestAcc() {
            return testAccList[testAccList.length - 1];
        }
    }

    /** The script from the network on: SGD on random mini-batches, both accuracies printed every epoch. */
    static Result train(MnistSet train, MnistSet test, double weightDecayLambda, int maxEpochs, Rng rng) {
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
                epochCnt++;
                if (epochCnt >= maxEpochs) {
                    break;
                }
            }
        }
        return new Result(trainAccList, testAccList);
    }
}
