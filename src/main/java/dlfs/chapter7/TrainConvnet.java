package dlfs.chapter7;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Rng;
import dlfs.network.SimpleConvNet;
import dlfs.network.SimpleConvNet.ConvParam;
import dlfs.network.Trainer;
import dlfs.plot.ChartGrid;
import dlfs.plot.LineChart;
import dlfs.util.Smoothing;
import dlfs.window.LiveChart;
import dlfs.util.ProjectDir;
import java.nio.file.Path;
import java.util.Map;

/**
 * Trains SimpleConvNet on MNIST for 20 epochs with Adam (lr 0.001, batch 100), printing the loss of every step and
 * the accuracy on 1000 training and 1000 test images per epoch, then saves the parameters and draws the accuracy
 * per epoch. Book §7.5; port of ch07/train_convnet.py. With the default {@code --seed 0} it prints what the book's
 * script prints after {@code np.random.seed(0)} (see the README for how far the two runs agree).
 */
public final class TrainConvnet {
    static final Script SCRIPT = new Script("TrainConvnet", "ch07/train_convnet.py", TrainConvnet::run)
            .book("7.5", "")
            .page(Edition.KOREAN_FIRST, "254")
            .summary("SimpleConvNet (conv 30x5x5 - relu - pool - affine 100 - relu - affine 10) trained on MNIST by"
                    + " Trainer with Adam; saves its parameters (save_params) and plots train and test accuracy.")
            .figures("train_convnet.png")
            .seed()
            .number("epochs", 20, 1, 10_000, "max_epochs; one epoch is 600 iterations of 100 images")
            .word("data", "all", TrainConvnet::checkData, "all, or small: the script's own suggestion if it takes"
                    + " too long, x_train[:5000] and x_test[:1000]")
            .word("params", "params.pkl", TrainConvnet::checkParams, "where save_params writes (relative to the"
                    + " project folder); visualize_filter.py and apply_filter.py read it with --params")
            .show();

    private TrainConvnet() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)

        // read the data: load_mnist(flatten=False); each row is one image, which the network sees as (1, 28, 28)
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train(), test = mnist.test();
        if (options.word("data").equals("small")) {                    // if it takes too long, cut the data
            train = train.first(5000);
            test = test.first(1000);
        }

        int maxEpochs = options.number("epochs");

        SimpleConvNet network = new SimpleConvNet(new int[] {1, 28, 28}, new ConvParam(30, 5, 0, 1),
                100, 10, 0.01, rng);

        Trainer trainer = new Trainer(network, train.images(0, train.size()), train.labels(0, train.size()),
                test.images(0, test.size()), test.labels(0, test.size()), rng)
                .epochs(maxEpochs).miniBatchSize(100)
                .optimizer("Adam", Map.of("lr", 0.001))
                .evaluateSampleNumPerEpoch(1000);

        // beyond the book: with --show, a window where the loss and the accuracies grow as it trains
        LiveChart live = Figures.live(options, "train_convnet");
        trainer.onStep((iter, loss) -> {
            if (iter % 20 == 0) {
                live.show(() -> progress(trainer, maxEpochs));
            }
        }).onEpoch((epoch, trainAcc, testAcc) -> live.show(() -> progress(trainer, maxEpochs)));
        trainer.train();

        // save the parameters
        Path params = ProjectDir.resolve(options.word("params"));
        network.saveParams(params);
        System.out.println("Saved Network Parameters!");
        System.out.println("params: " + params.toAbsolutePath());

        // draw the graph
        LineChart chart = new LineChart("epochs", "accuracy").yRange(0, 1.0).markEvery(2)
                .add("train", trainer.trainAccList).add("test", trainer.testAccList);
        Figures.save(options, "train_convnet", chart.size(640, 480));
    }

    /** The live window's picture so far: the loss of every step (smoothed as in chapter 6) and the accuracies. */
    private static ChartGrid progress(Trainer trainer, int maxEpochs) {
        double[] loss = trainer.trainLossList.stream().mapToDouble(Double::doubleValue).toArray();
        LineChart lossChart = new LineChart("iterations", "loss").title("train loss (smoothed)").yRange(0, 2.5)
                .xRange(0, trainer.maxIter()).linesOnly().add("train loss", loss.length > 10
                        ? Smoothing.smoothCurve(loss) : loss);
        LineChart accuracy = new LineChart("epochs", "accuracy").title("accuracy, 1000 images each").yRange(0, 1.0)
                .xRange(0, Math.max(1, maxEpochs - 1)).add("train", trainer.trainAccList)
                .add("test", trainer.testAccList);
        return new ChartGrid(2, 560, 420).add(lossChart).add(accuracy);
    }

    private static void checkData(String data) {
        if (!data.equals("all") && !data.equals("small")) {
            throw new IllegalArgumentException("allowed: all, small");
        }
    }

    private static void checkParams(String file) {
        if (!file.endsWith(".pkl")) {
            throw new IllegalArgumentException("give a file name ending in .pkl");
        }
    }
}
