package dlfs.network;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.optimizer.Optimizer;
import dlfs.util.Py;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a network with mini-batches drawn at random (with replacement), recording the loss of every step and
 * the train and test accuracy once per epoch. Port of common/trainer.py {@code Trainer}, which chapter 6 uses for
 * {@link MultiLayerNet} and chapter 7 for {@link SimpleConvNet} (any {@link Network}); the book's keyword
 * arguments are the fluent setters below, with the book's defaults:
 *
 * <pre>
 * Trainer trainer = new Trainer(network, xTrain, tTrain, xTest, tTest, rng)
 *         .epochs(301).miniBatchSize(100).optimizer("sgd", Map.of("lr", 0.01)).verbose(true);
 * trainer.train();
 * </pre>
 */
public final class Trainer {
    private final Network network;
    private final Matrix xTrain, xTest;
    private final int[] tTrain, tTest;
    private final Rng rng;
    private int epochs = 20;
    private int batchSize = 100;
    private String optimizerName = "sgd";
    private Map<String, Double> optimizerParam = Map.of("lr", 0.01);
    private int evaluateSampleNumPerEpoch;    // 0: evaluate on all data (the book's None)
    private boolean verbose = true;
    private PrintStream progress;             // null: no progress line
    private PrintStream out = System.out;
    private StepListener onStep = (iter, loss) -> { };
    private EpochListener onEpoch = (epoch, trainAcc, testAcc) -> { };

    public final List<Double> trainLossList = new ArrayList<>();
    public final List<Double> trainAccList = new ArrayList<>();
    public final List<Double> testAccList = new ArrayList<>();
    private int currentIter;
    private int currentEpoch;

    public Trainer(Network network, Matrix xTrain, int[] tTrain, Matrix xTest, int[] tTest, Rng rng) {
        if (xTrain.rows != tTrain.length || xTest.rows != tTest.length) {
            throw new IllegalArgumentException("Trainer: xTrain is " + xTrain.shape() + " with " + tTrain.length
                    + " labels, xTest is " + xTest.shape() + " with " + tTest.length
                    + " labels (one label per row)");
        }
        this.network = network;
        this.xTrain = xTrain;
        this.tTrain = tTrain;
        this.xTest = xTest;
        this.tTest = tTest;
        this.rng = rng;
    }

    public Trainer epochs(int epochs) {
        this.epochs = requireAtLeast1("epochs", epochs);
        return this;
    }

    public Trainer miniBatchSize(int miniBatchSize) {
        this.batchSize = requireAtLeast1("miniBatchSize", miniBatchSize);
        return this;
    }

    /** The optimizer by the book's name ("sgd", …) and its parameters ({@code Map.of("lr", 0.01)}). */
    public Trainer optimizer(String name, Map<String, Double> param) {
        newOptimizer(name, param);   // fail now, not after the set-up
        this.optimizerName = name;
        this.optimizerParam = Map.copyOf(param);
        return this;
    }

    /** Evaluate the accuracies on the first n training and test rows only; 0 means all (the book's None). */
    public Trainer evaluateSampleNumPerEpoch(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Trainer: evaluateSampleNumPerEpoch=" + n + " must be >= 0 (0 = all)");
        }
        this.evaluateSampleNumPerEpoch = n;
        return this;
    }

    /** Print the book's lines: "train loss:…" every step, "=== epoch:…" every epoch and the final accuracy. */
    public Trainer verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Where the book's lines go (System.out by default). */
    public Trainer printTo(PrintStream out) {
        this.out = out;
        return this;
    }

    /** Also print a one-line "epoch k/N" progress report to {@code progress} (e.g. System.err) each epoch. */
    public Trainer progress(PrintStream progress) {
        this.progress = progress;
        return this;
    }

    /** Told each step's loss as it is recorded: {@code iter} indexes {@link #trainLossList}. */
    public interface StepListener {
        void step(int iter, double loss);
    }

    /** Told each epoch's accuracies as they are recorded: {@code epoch} indexes {@link #trainAccList}, from 0. */
    public interface EpochListener {
        void epoch(int epoch, double trainAcc, double testAcc);
    }

    /** Also hands each step's loss to {@code listener} (e.g. a live chart); it must not change the run. */
    public Trainer onStep(StepListener listener) {
        this.onStep = listener;
        return this;
    }

    /** Also hands each epoch's accuracies to {@code listener} (e.g. a live chart); it must not change the run. */
    public Trainer onEpoch(EpochListener listener) {
        this.onEpoch = listener;
        return this;
    }

    /** The book's {@code iter_per_epoch = max(train_size / mini_batch_size, 1)}, a float as in Python 3. */
    public double iterPerEpoch() {
        return Math.max((double) xTrain.rows / batchSize, 1);
    }

    /** The book's {@code max_iter = int(epochs * iter_per_epoch)}. */
    public int maxIter() {
        return (int) (epochs * iterPerEpoch());
    }

    public int currentEpoch() {
        return currentEpoch;
    }

    /** Runs every step, then returns the test accuracy on all test data (the book's {@code train()}). */
    public double train() {
        Optimizer optimizer = newOptimizer(optimizerName, optimizerParam);
        int maxIter = maxIter();
        for (int i = 0; i < maxIter; i++) {
            trainStep(optimizer);
        }
        double testAcc = network.accuracy(xTest, tTest);
        if (verbose) {
            out.println("=============== Final Test Accuracy ===============");
            out.println("test acc:" + Py.str(testAcc));
            if (network.diverged()) {                            // beyond the book: numpy says nothing here
                out.println("(the training diverged at iteration " + network.divergedAt() + ": every prediction is"
                        + " NaN, taken as class 0, so this is the share of label 0, not a result)");
            }
        }
        return testAcc;
    }

    /**
     * The book's {@code train_step}: one mini-batch drawn with replacement, gradient, update, then the batch's
     * loss in test mode; after the update of iterations 0, iter_per_epoch, 2·iter_per_epoch, … (a float
     * comparison, as in Python) the accuracies on the whole training and test sets (or their first rows).
     */
    private void trainStep(Optimizer optimizer) {
        int[] batchMask = rng.choice(xTrain.rows, batchSize);
        Matrix xBatch = xTrain.selectRows(batchMask);
        int[] tBatch = select(tTrain, batchMask);
        Map<String, Matrix> grads = network.gradient(xBatch, tBatch);
        optimizer.update(network.params(), grads);
        double loss = network.loss(xBatch, tBatch);           // test mode (train_flg=False), as trainer.py
        trainLossList.add(loss);
        onStep.step(trainLossList.size() - 1, loss);
        if (verbose) {
            out.println("train loss:" + Py.str(loss));
        }
        if (currentIter % iterPerEpoch() == 0) {
            currentEpoch++;
            evaluate();
        }
        currentIter++;
    }

    private void evaluate() {
        int n = evaluateSampleNumPerEpoch;
        double trainAcc = n == 0 ? network.accuracy(xTrain, tTrain) : accuracyOnFirst(xTrain, tTrain, n);
        double testAcc = n == 0 ? network.accuracy(xTest, tTest) : accuracyOnFirst(xTest, tTest, n);
        trainAccList.add(trainAcc);
        testAccList.add(testAcc);
        onEpoch.epoch(trainAccList.size() - 1, trainAcc, testAcc);
        if (verbose) {
            out.println("=== epoch:" + currentEpoch + ", train acc:" + Py.str(trainAcc) + ", test acc:" + Py.str(testAcc)
                    + " ===");
        }
        if (progress != null) {
            progress.printf(Locale.ROOT, "epoch %d/%d, train acc %.3f, test acc %.3f%n", currentEpoch, epochs,
                    trainAcc, testAcc);
        }
    }

    private double accuracyOnFirst(Matrix x, int[] t, int n) {
        int[] idx = new int[Math.min(n, x.rows)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return network.accuracy(x.selectRows(idx), select(t, idx));
    }

    private static int[] select(int[] t, int[] idx) {
        int[] out = new int[idx.length];
        for (int n = 0; n < idx.length; n++) {
            out[n] = t[idx[n]];
        }
        return out;
    }

    /**
     * The optimizer named as in the book's {@code optimizer_class_dict} ("sgd", "momentum", "nesterov",
     * "adagrad", "rmsprop", "adam"), with {@code lr} from the parameters or the book's default for that optimizer.
     */
    static Optimizer newOptimizer(String name, Map<String, Double> param) {
        for (String key : param.keySet()) {
            if (!key.equals("lr")) {
                throw new IllegalArgumentException("Trainer: optimizer parameter '" + key + "' is not supported"
                        + " (only lr; the other settings are the book's defaults)");
            }
        }
        Double lr = param.get("lr");
        return lr == null ? Optimizer.create(name) : Optimizer.create(name, lr);
    }

    private static int requireAtLeast1(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Trainer: " + name + "=" + value + " must be >= 1");
        }
        return value;
    }
}
