package dlfs.chapter5;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.TwoLayerNet;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import dlfs.util.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TwoLayerNet (784-50-10) trained on MNIST with gradients by backpropagation: 10 000 SGD steps on mini-batches of
 * 100, learning rate 0.1, printing the training and test accuracy once per epoch. Book §5.7.4; port of
 * ch05/train_neuralnet.py. With the default {@code --seed 0} it prints what the book's script prints after
 * {@code np.random.seed(0)}. Beyond the book it draws the accuracies per epoch, as ch04/train_neuralnet.py does
 * (figure 4-12).
 */
public final class TrainNeuralnet {
    static final Script SCRIPT = new Script("TrainNeuralnet", "ch05/train_neuralnet.py", TrainNeuralnet::run)
            .book("5.7.4", "")
            .page(Edition.KOREAN_FIRST, "186")
            .summary("SGD (lr 0.1, batch 100) on a 784-50-10 TwoLayerNet with backprop gradients; prints train and"
                    + " test accuracy every epoch (600 iterations) and plots them.")
            .figures("train_neuralnet.png")
            .seed()
            .number("iterations", 10000, 1, 1_000_000,
                    "iters_num; the accuracies are printed at iterations 0, 600, 1200, …")
            .show();

    private TrainNeuralnet() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)
        // read the data; the script loads one-hot labels (one_hot_label=True), class indices give the same numbers
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train();
        Matrix xTrain = train.images(0, train.size());                  // (60000, 784)
        int[] tTrain = train.labels(0, train.size());
        Matrix xTest = mnist.test().images(0, mnist.test().size());     // (10000, 784)
        int[] tTest = mnist.test().labels(0, mnist.test().size());

        TwoLayerNet network = new TwoLayerNet(784, 50, 10, rng);

        int itersNum = options.number("iterations");
        int trainSize = train.size();
        int batchSize = 100;
        double learningRate = 0.1;

        List<Double> trainLossList = new ArrayList<>();
        List<Double> trainAccList = new ArrayList<>();
        List<Double> testAccList = new ArrayList<>();

        double iterPerEpoch = Math.max(trainSize / (double) batchSize, 1);   // 600.0, a float in Python 3

        // beyond the book: the accuracies per epoch, drawn while it trains when --show opens a window
        LineChart chart = new LineChart("epochs", "accuracy").title("TwoLayerNet on MNIST, backprop gradients")
                .yRange(0, 1);
        LiveChart live = Figures.live(options, "train_neuralnet", chart.size(800, 560))
                .xRange(0, Math.ceil(itersNum / iterPerEpoch) - 1);

        for (int i = 0; i < itersNum; i++) {
            int[] batchMask = rng.choice(trainSize, batchSize);
            Matrix xBatch = train.images(batchMask);                    // x_train[batch_mask]  (100, 784)
            int[] tBatch = train.labels(batchMask);                     // t_train[batch_mask]  (100)

            // gradient by backpropagation (the book's commented-out alternative: network.numericalGradient)
            Map<String, Matrix> grad = network.gradient(xBatch, tBatch);

            // update: network.params[key] -= learning_rate * grad[key]
            for (String key : new String[] {"W1", "b1", "W2", "b2"}) {
                network.params.get(key).addScaledInPlace(-learningRate, grad.get(key));
            }

            double loss = network.loss(xBatch, tBatch);
            trainLossList.add(loss);

            if (i % iterPerEpoch == 0) {
                double trainAcc = network.accuracy(xTrain, tTrain);
                double testAcc = network.accuracy(xTest, tTest);
                trainAccList.add(trainAcc);
                testAccList.add(testAcc);
                System.out.println(Py.str(trainAcc) + " " + Py.str(testAcc));   // print(train_acc, test_acc)
                live.add("train acc", trainAccList.size() - 1, trainAcc);
                live.addDashed("test acc", testAccList.size() - 1, testAcc);
            }
        }

        // beyond the book: the accuracies per epoch, drawn as ch04/train_neuralnet.py draws them (figure 4-12)
        Figures.save(options, "train_neuralnet", chart.add("train acc", trainAccList).addDashed("test acc", testAccList));
    }
}
