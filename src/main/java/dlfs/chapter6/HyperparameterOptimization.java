package dlfs.chapter6;

import dlfs.dataset.Mnist;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.Trainer;
import dlfs.network.WeightInit;
import dlfs.plot.ChartGrid;
import dlfs.plot.LineChart;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;

/**
 * Random search for the learning rate and the weight-decay λ, judged on held-out validation data.
 * Book §6.5.3, figure 6-24; port of ch06/hyperparameter_optimization.py. Trials are independent, so they run on
 * all cores; each trial's hyperparameters and random source are drawn up front in trial order, so the result does
 * not depend on the thread count.
 *
 * <p>Options: {@code --seed N}, {@code --show}, {@code --threads N} (default: all cores).
 */
public final class HyperparameterOptimization {
    static final long SEED = 2026;
    static final int TRAIN_SIZE = 500;                  // x_train = x_train[:500], to make the search fast
    static final double VALIDATION_RATE = 0.20;
    static final int[] HIDDEN_SIZE_LIST = {100, 100, 100, 100, 100, 100};
    static final int OPTIMIZATION_TRIAL = 100;
    static final int EPOCS = 50;                         // the book's spelling is "epocs"
    static final int MINI_BATCH_SIZE = 100;
    static final int GRAPH_DRAW_NUM = 20;
    static final int COL_NUM = 5;

    /** One trial's hyperparameters and its own random source (initial weights, mini-batches). */
    record Trial(int index, double lr, double weightDecay, Rng rng) {
        /** The book's dictionary key, e.g. "lr:0.0063…, weight decay:3.1e-07". */
        String key() {
            return "lr:" + lr + ", weight decay:" + weightDecay;
        }
    }

    /** A trial with its accuracy per epoch on the validation and on the training data. */
    record Outcome(Trial trial, double[] valAccList, double[] trainAccList) {
        double finalValAcc() {
            return valAccList[valAccList.length - 1];
        }
    }

    /** Training and validation data after the seeded shuffle (the book's shuffle_dataset, then a 20 % slice). */
    record Split(Matrix xTrain, int[] tTrain, Matrix xVal, int[] tVal) {
        static Split of(Matrix x, int[] t, double validationRate, Rng rng) {
            int[] permutation = rng.permutation(x.rows);
            int validationNum = (int) (x.rows * validationRate);
            int[] valIdx = java.util.Arrays.copyOfRange(permutation, 0, validationNum);
            int[] trainIdx = java.util.Arrays.copyOfRange(permutation, validationNum, x.rows);
            return new Split(x.selectRows(trainIdx), BatchNormCompare.pick(t, trainIdx), x.selectRows(valIdx),
                    BatchNormCompare.pick(t, valIdx));
        }
    }

    private HyperparameterOptimization() {
    }

    public static void main(String[] args) {
        long seed = Args.longValue(args, "--seed", SEED);
        int threads = Args.intValue(args, "--threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        // 0: load MNIST, keep 500 images, hold out 20 % for validation after a seeded shuffle
        Mnist mnist = Mnist.load();
        Rng rng = new Rng(seed);
        Split split = Split.of(mnist.train().images(0, TRAIN_SIZE), mnist.train().labels(0, TRAIN_SIZE),
                VALIDATION_RATE, rng);

        // 1: random search, trials run in parallel
        List<Trial> trials = drawTrials(OPTIMIZATION_TRIAL, rng);
        System.out.println("running " + trials.size() + " trials of " + EPOCS + " epochs on " + threads + " threads");
        List<Outcome> outcomes = search(split, trials, EPOCS, threads, System.out);

        // 2: the best trials by final VALIDATION accuracy
        System.out.println("=========== Hyper-Parameter Optimization Result ===========");
        List<Outcome> ranked = rank(outcomes);
        ChartGrid grid = new ChartGrid(COL_NUM, 260, 200).title("Best " + GRAPH_DRAW_NUM + " of " + trials.size()
                + " trials: validation (solid) and training (dashed) accuracy").sharedAxes().sharedLegend();
        for (int i = 0; i < Math.min(GRAPH_DRAW_NUM, ranked.size()); i++) {
            Outcome o = ranked.get(i);
            System.out.println("Best-" + (i + 1) + "(val acc:" + o.finalValAcc() + ") | " + o.trial().key());
            grid.add(panel(i, o));
        }

        // 3: draw graph
        Path path = grid.save("hyperparameter_optimization");
        System.out.println("figure: " + path);
        grid.showIfAsked("hyperparameter_optimization", args);
    }

    /** weight_decay = 10^U(−8, −4), lr = 10^U(−6, −2), then the trial's own seed: all drawn in trial order. */
    static List<Trial> drawTrials(int n, Rng rng) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double weightDecay = Math.pow(10, rng.uniform(-8, -4));
            double lr = Math.pow(10, rng.uniform(-6, -2));
            trials.add(new Trial(i, lr, weightDecay, rng.split()));
        }
        return trials;
    }

    /** Runs every trial on {@code threads} threads; returns the outcomes in trial order, printing progress. */
    static List<Outcome> search(Split split, List<Trial> trials, int epocs, int threads, PrintStream out) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(pool.submit(() -> {
                    Outcome o;
                    try {
                        o = train(split, trial, epocs);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("trial " + (trial.index() + 1) + " (" + trial.key() + ") failed: "
                                + e.getMessage(), e);
                    }
                    synchronized (out) {
                        out.println("[" + done.incrementAndGet() + "/" + trials.size() + " trials done] trial "
                                + (trial.index() + 1) + ": val acc:" + o.finalValAcc() + " | " + trial.key());
                    }
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HyperparameterOptimization: interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("HyperparameterOptimization: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The book's {@code __train(lr, weight_decay)}: validation data in the test slot of the Trainer. */
    static Outcome train(Split split, Trial trial, int epocs) {
        MultiLayerNet network = new MultiLayerNet(784, HIDDEN_SIZE_LIST, 10, Activation.RELU, WeightInit.HE,
                trial.weightDecay(), trial.rng());
        Trainer trainer = new Trainer(network, split.xTrain(), split.tTrain(), split.xVal(), split.tVal(), trial.rng())
                .epochs(epocs).miniBatchSize(MINI_BATCH_SIZE).optimizer("sgd", Map.of("lr", trial.lr()))
                .verbose(false);
        trainer.train();
        return new Outcome(trial, OverfitDropout.toArray(trainer.testAccList),
                OverfitDropout.toArray(trainer.trainAccList));
    }

    /** Best first by the final validation accuracy; ties keep trial order (Python's stable sort). */
    static List<Outcome> rank(List<Outcome> outcomes) {
        List<Outcome> ranked = new ArrayList<>(outcomes);
        ranked.sort(Comparator.comparingDouble(Outcome::finalValAcc).reversed());
        return ranked;
    }

    /** One panel of the 5×4 grid: validation solid, training dashed; the grid labels the outer axes only. */
    private static JFreeChart panel(int i, Outcome o) {
        String title = String.format(Locale.ROOT, "Best-%d (val %.2f)", i + 1, o.finalValAcc());
        return new LineChart("epochs", "accuracy").title(title).yRange(0, 1.0).linesOnly()
                .add("validation", o.valAccList()).addDashed("train", o.trainAccList()).chart();
    }
}
