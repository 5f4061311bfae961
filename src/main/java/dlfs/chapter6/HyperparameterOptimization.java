package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.launch.Trials;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.Trainer;
import dlfs.network.WeightInit;
import dlfs.plot.ChartGrid;
import dlfs.plot.LineChart;
import dlfs.window.LiveChart;
import dlfs.util.Py;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Random search for the learning rate and the weight-decay λ, judged on held-out validation data. Book §6.5.3,
 * figure 6-24; port of ch06/hyperparameter_optimization.py. With the default {@code --seed 0} it prints what the
 * book's script prints after {@code np.random.seed(0)}, the ranking included. Trials run on all cores, yet every
 * trial draws its random numbers where the book's sequential loop draws them ({@link Trials}).
 */
public final class HyperparameterOptimization {
    static final Script SCRIPT = new Script("HyperparameterOptimization", "ch06/hyperparameter_optimization.py",
            HyperparameterOptimization::run)
            .book("6.5.3", "6-24")
            .page(Edition.KOREAN_FIRST, "224")
            .summary("Random search over the learning rate 10^U(-6,-2) and weight decay 10^U(-8,-4) on 400 MNIST"
                    + " images, ranked by accuracy on 100 held-out validation images.")
            .figures("hyperparameter_optimization.png")
            .seed()
            .number("trials", 100, 1, 10_000, "optimization_trial")
            .number("epochs", 50, 1, 10_000, "epocs of each trial's Trainer")
            .show();

    /** A trained trial: the book's key "lr:…, weight decay:…" and its accuracy lists (the network is let go). */
    record Result(String key, List<Double> valAccList, List<Double> trainAccList) {
        double valAcc() {
            return valAccList.get(valAccList.size() - 1);              // val_acc_list[-1]
        }
    }

    /** graph_draw_num: how many of the best trials the graph shows. */
    private static final int GRAPH_DRAW_NUM = 20;

    private HyperparameterOptimization() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)

        // reduce the training data for speed: x_train[:500], t_train[:500]
        MnistSet train = Mnist.load().train().first(500);

        // split off the validation data, after shuffle_dataset
        double validationRate = 0.20;
        int validationNum = (int) (train.size() * validationRate);
        int[] permutation = rng.permutation(train.size());             // shuffle_dataset(x_train, t_train)
        int[] val = Arrays.copyOfRange(permutation, 0, validationNum);
        int[] rest = Arrays.copyOfRange(permutation, validationNum, train.size());
        Matrix xVal = train.images(val);
        int[] tVal = train.labels(val);
        Matrix xTrain = train.images(rest);
        int[] tTrain = train.labels(rest);

        // random search of the hyperparameters ======================================
        int optimizationTrial = options.number("trials");
        int epocs = options.number("epochs");
        List<Result> results;
        List<Result> finished = new ArrayList<>();
        LiveChart live = Figures.live(options, "hyperparameter_optimization");   // --show: the ranking so far
        try (Trials<Result> trials = new Trials<>(MatMul.threads(), result -> {
            System.out.println("val acc:" + Py.str(result.valAcc()) + " | " + result.key());
            finished.add(result);
            live.show(() -> graph(finished));
        })) {
            for (int k = 0; k < optimizationTrial; k++) {
                // the ranges searched ===============
                double weightDecay = Math.pow(10, rng.uniform(-8, -4));
                double lr = Math.pow(10, rng.uniform(-6, -2));
                // ================================================

                // __train(lr, weight_decay): the network draws its weights here, the Trainer its batches from a
                // copy of the generator, which then skips them, so the next trial draws where the book's does
                MultiLayerNet network = new MultiLayerNet(784, new int[] {100, 100, 100, 100, 100, 100}, 10,
                        Activation.RELU, WeightInit.HE, weightDecay, rng).label("trial " + (k + 1));
                Trainer trainer = new Trainer(network, xTrain, tTrain, xVal, tVal, rng.copy()).epochs(epocs)
                        .miniBatchSize(100).optimizer("sgd", Map.of("lr", lr)).verbose(false);
                for (int i = 0; i < trainer.maxIter(); i++) {
                    rng.choice(xTrain.rows, 100);
                }
                String key = "lr:" + Py.str(lr) + ", weight decay:" + Py.str(weightDecay);
                trials.submit(() -> train(trainer, key));   // on one of the pool's threads; inline with one
            }
            results = trials.finish();
        }

        // draw the graph ========================================================
        System.out.println("=========== Hyper-Parameter Optimization Result ===========");
        List<Result> ranked = ranked(results);
        for (int i = 0; i < Math.min(GRAPH_DRAW_NUM, ranked.size()); i++) {
            Result result = ranked.get(i);
            System.out.println("Best-" + (i + 1) + "(val acc:" + Py.str(result.valAcc()) + ") | " + result.key());
        }
        Figures.save(options, "hyperparameter_optimization", graph(results));
    }

    /** The results by validation accuracy, best first (a stable sort, as Python's sorted). */
    private static List<Result> ranked(List<Result> results) {
        List<Result> ranked = new ArrayList<>(results);
        ranked.sort(Comparator.comparingDouble(Result::valAcc).reversed());
        return ranked;
    }

    /** The book's graph: the best graph_draw_num trials, 5 panels to a row, each its validation and training accuracy. */
    private static ChartGrid graph(List<Result> results) {
        List<Result> ranked = ranked(results);
        int graphDrawNum = Math.min(GRAPH_DRAW_NUM, ranked.size());
        int colNum = 5;
        ChartGrid grid = new ChartGrid(colNum, 260, 200).title("Best " + graphDrawNum + " of " + results.size()
                + " trials: validation (solid) and training (dashed) accuracy").sharedAxes().sharedLegend();
        for (int i = 0; i < graphDrawNum; i++) {
            Result result = ranked.get(i);
            // the book plots train_acc_list left over from its last trial in every panel; each trial's own here
            grid.add(new LineChart("epochs", "accuracy").title("Best-" + (i + 1)).yRange(0, 1.0).linesOnly()
                    .add("validation", result.valAccList()).addDashed("train", result.trainAccList()));
        }
        return grid;
    }

    /** The rest of the book's {@code __train}: trainer.train(), then its accuracy lists. */
    private static Result train(Trainer trainer, String key) {
        trainer.train();
        return new Result(key, List.copyOf(trainer.testAccList), List.copyOf(trainer.trainAccList));
    }
}
