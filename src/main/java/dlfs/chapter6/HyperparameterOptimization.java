package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.Trainer;
import dlfs.network.WeightInit;
import dlfs.plot.ChartGrid;
import dlfs.plot.LineChart;
import dlfs.util.Py;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Random search for the learning rate and the weight-decay λ, judged on held-out validation data. Book §6.5.3,
 * figure 6-24; port of ch06/hyperparameter_optimization.py. With the default {@code --seed 0} it prints what the
 * book's script prints after {@code np.random.seed(0)}, the ranking included. Trials run on all cores, yet every
 * trial draws its random numbers where the book's sequential loop draws them ({@link ParallelTrials}).
 */
public final class HyperparameterOptimization {
    static final Options OPTIONS = new Options("HyperparameterOptimization", "§6.5.3, figure 6-24",
            "hyperparameter_optimization.py", "about 60 s on 2 cores")
            .summary("Random search over the learning rate 10^U(-6,-2) and weight decay 10^U(-8,-4) on 400 MNIST"
                    + " images, ranked by accuracy on 100 held-out validation images.")
            .figures("hyperparameter_optimization.png")
            .seed()
            .number("trials", 100, 1, 10_000, "optimization_trial")
            .number("epochs", 50, 1, 10_000, "epocs of each trial's Trainer")
            .show();

    /** One trial before training: its hyperparameters and the Trainer that will train its network. */
    record Trial(double lr, double weightDecay, Trainer trainer) {
    }

    /** A trained trial: the book's key "lr:…, weight decay:…" and its accuracy lists (the network is let go). */
    record Result(String key, List<Double> valAccList, List<Double> trainAccList) {
        double valAcc() {
            return valAccList.get(valAccList.size() - 1);              // val_acc_list[-1]
        }
    }

    private HyperparameterOptimization() {
    }

    public static void main(String[] args) {
        Experiment.main(OPTIONS, HyperparameterOptimization::run, args);
    }

    static void run(Options.Values options) {
        Rng rng = new Rng(options.seed());                              // np.random.seed(0)
        MnistSet mnist = Mnist.load().train();

        // reduce the training data for speed: x_train[:500]
        Matrix xAll = mnist.images(0, 500);
        int[] tAll = mnist.labels(0, 500);

        // split off the validation data, after shuffle_dataset
        double validationRate = 0.20;
        int validationNum = (int) (xAll.rows * validationRate);
        int[] permutation = rng.permutation(xAll.rows);
        Matrix xVal = xAll.selectRows(slice(permutation, 0, validationNum));
        int[] tVal = pick(tAll, slice(permutation, 0, validationNum));
        Matrix xTrain = xAll.selectRows(slice(permutation, validationNum, xAll.rows));
        int[] tTrain = pick(tAll, slice(permutation, validationNum, xAll.rows));

        // random search of the hyperparameters ======================================
        int epocs = options.number("epochs");
        List<Result> results = ParallelTrials.run(options.number("trials"), MatMul.threads(), k -> {
            // the ranges searched ===============
            double weightDecay = Math.pow(10, rng.uniform(-8, -4));
            double lr = Math.pow(10, rng.uniform(-6, -2));
            // ================================================
            // __train(lr, weight_decay): the network draws its weights here, the Trainer its batches from a copy
            MultiLayerNet network = new MultiLayerNet(784, new int[] {100, 100, 100, 100, 100, 100}, 10,
                    Activation.RELU, WeightInit.HE, weightDecay, rng).label("trial " + (k + 1));
            Trainer trainer = new Trainer(network, xTrain, tTrain, xVal, tVal, rng.copy()).epochs(epocs)
                    .miniBatchSize(100).optimizer("sgd", Map.of("lr", lr)).verbose(false);
            for (int i = 0; i < trainer.maxIter(); i++) {               // skip the batches the copy will draw
                rng.choice(xTrain.rows, 100);
            }
            return new Trial(lr, weightDecay, trainer);
        }, trial -> {
            trial.trainer().train();
            return new Result("lr:" + Py.str(trial.lr()) + ", weight decay:" + Py.str(trial.weightDecay()),
                    List.copyOf(trial.trainer().testAccList), List.copyOf(trial.trainer().trainAccList));
        }, result -> System.out.println("val acc:" + Py.str(result.valAcc()) + " | " + result.key()));

        // draw the graph ========================================================
        System.out.println("=========== Hyper-Parameter Optimization Result ===========");
        int graphDrawNum = Math.min(20, results.size());
        int colNum = 5;
        List<Result> ranked = new ArrayList<>(results);
        ranked.sort(Comparator.comparingDouble(Result::valAcc).reversed());   // stable, as Python's sorted
        ChartGrid grid = new ChartGrid(colNum, 260, 200).title("Best " + graphDrawNum + " of " + results.size()
                + " trials: validation (solid) and training (dashed) accuracy").sharedAxes().sharedLegend();
        for (int i = 0; i < graphDrawNum; i++) {
            Result result = ranked.get(i);
            System.out.println("Best-" + (i + 1) + "(val acc:" + Py.str(result.valAcc()) + ") | " + result.key());
            // the book plots train_acc_list left over from its last trial in every panel; each trial's own here
            grid.add(new LineChart("epochs", "accuracy").title("Best-" + (i + 1)).yRange(0, 1.0).linesOnly()
                    .add("validation", result.valAccList()).addDashed("train", result.trainAccList()).chart());
        }
        Experiment.saveFigure(options, "hyperparameter_optimization", grid);
    }

    private static int[] slice(int[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    private static int[] pick(int[] t, int[] idx) {
        int[] out = new int[idx.length];
        for (int n = 0; n < idx.length; n++) {
            out[n] = t[idx[n]];
        }
        return out;
    }
}
