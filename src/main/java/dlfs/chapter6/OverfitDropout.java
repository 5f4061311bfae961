package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNetExtend;
import dlfs.network.Trainer;
import dlfs.network.WeightInit;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Overfitting on 300 training images with a 7-layer net, with dropout (ratio 0.2) and without: train and test
 * accuracy per epoch. Book §6.4.3, figure 6-23; port of ch06/overfit_dropout.py. The script as published sets
 * {@code use_dropout = True} (figure 6-23, right); its {@code False} gives the left half. Both run, each as a fresh
 * run of the script after {@code np.random.seed(0)}, with dropout first, so its lines are the book's.
 */
public final class OverfitDropout {
    static final Script SCRIPT = new Script("OverfitDropout", "ch06/overfit_dropout.py", OverfitDropout::run)
            .book("6.4.3", "6-23")
            .page(Edition.KOREAN_FIRST, "219")
            .summary("300 MNIST images, 784-[100x6]-10 trained by Trainer (SGD) with dropout ratio 0.2 (the script)"
                    + " and without dropout; train and test accuracy per epoch.")
            .figures("overfit_dropout.png, overfit_dropout-without.png")
            .seed()
            .number("epochs", 301, 1, 100_000, "the Trainer's epochs")
            .flag("quiet", "print one progress line per epoch instead of the book's train loss and epoch lines")
            .show();

    private OverfitDropout() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        // load MNIST; keep 300 training images to reproduce overfitting
        Mnist mnist = Mnist.load();
        MnistSet train = mnist.train().first(300), test = mnist.test();
        boolean[] useDropouts = {true, false};                          // the script's True, then False
        Trainer[] trainers = new Trainer[useDropouts.length];
        LineChart[] charts = new LineChart[useDropouts.length];         // drawn while they train, with --show
        for (int k = 0; k < useDropouts.length; k++) {
            if (k > 0) {
                System.out.println("=============== beyond the book: the script again with use_dropout = False"
                        + " ===============");
            }
            Rng rng = new Rng(options.seed());                          // np.random.seed(0)
            double dropoutRatio = 0.2;
            MultiLayerNetExtend network = new MultiLayerNetExtend(784, new int[] {100, 100, 100, 100, 100, 100}, 10,
                    Activation.RELU, WeightInit.HE, 0, useDropouts[k], dropoutRatio, false, rng);
            network.label(useDropouts[k] ? "dropout" : "without dropout");
            String name = "overfit_dropout" + (useDropouts[k] ? "" : "-without");
            LineChart chart = new LineChart("epochs", "accuracy")
                    .title(useDropouts[k] ? "Dropout ratio 0.2" : "Without dropout").yRange(0, 1.0).markEvery(10);
            LiveChart live = Figures.live(options, name, chart.size(640, 480)).xRange(0, options.number("epochs") - 1);
            trainers[k] = new Trainer(network, train.images(0, train.size()), train.labels(0, train.size()),
                    test.images(0, test.size()), test.labels(0, test.size()), rng)
                    .epochs(options.number("epochs")).miniBatchSize(100).optimizer("sgd", Map.of("lr", 0.01))
                    .verbose(!options.flag("quiet")).progress(options.flag("quiet") ? System.out : null)
                    .onEpoch((epoch, trainAcc, testAcc) -> {                   // with --show, drawn as they come
                        live.add("train", epoch, trainAcc);
                        live.add("test", epoch, testAcc);
                    });
            trainers[k].train();
            charts[k] = chart;
        }
        for (int k = 0; k < useDropouts.length; k++) {                 // beyond the book: the gaps side by side
            double trainAcc = last(trainers[k].trainAccList), testAcc = last(trainers[k].testAccList);
            System.out.printf(Locale.ROOT, "%-16s final train acc %.3f, test acc %.3f, gap %.3f%n",
                    useDropouts[k] ? "with dropout:" : "without dropout:", trainAcc, testAcc, trainAcc - testAcc);
        }

        // 3: draw graph ==========
        for (int k = 0; k < useDropouts.length; k++) {
            charts[k].add("train", trainers[k].trainAccList).add("test", trainers[k].testAccList);
            Figures.save(options, "overfit_dropout" + (useDropouts[k] ? "" : "-without"), charts[k]);
        }
    }

    private static double last(List<Double> list) {
        return list.get(list.size() - 1);
    }
}
