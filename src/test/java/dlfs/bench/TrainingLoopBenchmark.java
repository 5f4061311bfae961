package dlfs.bench;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.Activation;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import java.util.Arrays;

/**
 * Milliseconds per training iteration of the WeightInitCompare workload (book §6.2.4: MNIST, batch 128,
 * 784-[100×4]-10 ReLU, He init, SGD lr 0.01; one iteration = draw a batch, gradient, update, loss), split
 * into the matrix products and everything else, then the whole 3 nets × 2000 iterations. Not a test: run
 * with {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dlfs.bench.TrainingLoopBenchmark} (add {@code MAVEN_OPTS=-Xmx256m} to check the heap).
 * {@code --quick} leaves out the whole workload; {@code --workload} runs only the whole workload, the loop of
 * WeightInitCompare as {@code bench/vs-numpy.sh} sets it beside the numpy version's.
 *
 * <p>The products' share is timed by replaying them: the products of one real iteration (each Affine's x·W
 * twice, xᵀ·dout, dout·Wᵀ) called on the operands of that iteration, in runs alternating with the training
 * runs. "rest" is the training run's time minus that. Replayed on their own, the products find their
 * operands in the cache of each core; inside the loop, rows written on one core must first move to the other,
 * so with two threads "rest" also holds that cost.
 */
public final class TrainingLoopBenchmark {
    private static final int BATCH_SIZE = 128;
    private static final int RUNS = 7;
    private static final int ITERS_PER_RUN = 200;

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        MnistSet train = Mnist.load().train();
        System.out.printf("JDK %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (Arrays.asList(args).contains("--workload")) {
            double ms = wholeWorkload(train);
            System.out.printf("TrainingLoopBenchmark: %.3f ms per net-iteration (3 nets x 2000 iterations, JIT warm-up"
                    + " included, %d thread(s))%n", ms, MatMul.threads());
            return;
        }
        int threads = MatMul.threads();
        if (threads != 1) {
            MatMul.setThreads(1);
            perIteration(train);
            MatMul.setThreads(threads);
        }
        double mean = perIteration(train);
        System.out.println("(products: the products of one iteration replayed on their own; rest: the iteration minus"
                + " that, which with 2 threads also holds what the products lose in the loop to data moving between"
                + " cores)");
        if (!quick) {
            wholeWorkload(train);
        }
        System.out.printf("TrainingLoopBenchmark: %.3f ms per net-iteration (mean of %d timed iterations, %d thread(s))%n",
                mean, RUNS * ITERS_PER_RUN, threads);
    }

    /**
     * Prints min and median ms per iteration over RUNS runs, with the products' share; returns the mean over
     * all timed iterations.
     */
    private static double perIteration(MnistSet train) {
        Rng rng = new Rng(1);
        MultiLayerNet net = workloadNet(WeightInit.HE, rng);
        SGD sgd = new SGD(0.01);
        for (int i = 0; i < 600; i++) {    // JIT warm-up
            iteration(train, net, sgd, rng);
        }
        int[] batchMask = train.randomBatch(rng, BATCH_SIZE);
        StepProducts step = new StepProducts(net, train.images(batchMask), train.labels(batchMask));
        for (int i = 0; i < 100; i++) {
            step.runAll();
        }
        double[] total = new double[RUNS], products = new double[RUNS], rest = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < ITERS_PER_RUN; i++) {
                iteration(train, net, sgd, rng);
            }
            total[r] = (System.nanoTime() - start) / 1e6 / ITERS_PER_RUN;
            start = System.nanoTime();
            for (int i = 0; i < ITERS_PER_RUN; i++) {
                step.runAll();
            }
            products[r] = (System.nanoTime() - start) / 1e6 / ITERS_PER_RUN;
            rest[r] = total[r] - products[r];
        }
        System.out.printf("%d thread(s): ms per iteration min %.2f median %.2f | products min %.2f median %.2f"
                + " | rest min %.2f median %.2f%n", MatMul.threads(), min(total), median(total), min(products),
                median(products), min(rest), median(rest));
        return Arrays.stream(total).average().orElseThrow();
    }

    /**
     * The experiment's loop: 3 nets (std=0.01, Xavier, He), the same batch for all three, 2000 iterations. Returns
     * ms per net-iteration.
     */
    private static double wholeWorkload(MnistSet train) {
        Rng rng = new Rng(0);                                        // WeightInitCompare's seed: its very loop
        MultiLayerNet[] nets = new MultiLayerNet[3];
        WeightInit[] inits = {WeightInit.std(0.01), WeightInit.XAVIER, WeightInit.HE};
        SGD[] sgd = new SGD[3];
        for (int k = 0; k < 3; k++) {
            nets[k] = workloadNet(inits[k], rng);
            sgd[k] = new SGD(0.01);
        }
        System.gc();
        long start = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            int[] batchMask = train.randomBatch(rng, BATCH_SIZE);
            Matrix x = train.images(batchMask);
            int[] t = train.labels(batchMask);
            for (int k = 0; k < 3; k++) {
                sgd[k].update(nets[k].params, nets[k].gradient(x, t));
                nets[k].loss(x, t);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("3 nets x 2000 iterations (%d thread(s)): %.1f s (%.2f ms per net-iteration, JIT warm-up"
                + " included); heap used after GC %d MB of max %d MB%n", MatMul.threads(), seconds,
                seconds * 1000 / 6000, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        return seconds * 1000 / 6000;
    }

    /** The WeightInitCompare net: 784-[100×4]-10, ReLU, no weight decay (also used by the other benchmarks). */
    static MultiLayerNet workloadNet(WeightInit init, Rng rng) {
        return new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, Activation.RELU, init, 0, rng);
    }

    private static void iteration(MnistSet train, MultiLayerNet net, SGD sgd, Rng rng) {
        int[] batchMask = train.randomBatch(rng, BATCH_SIZE);
        Matrix x = train.images(batchMask);
        int[] t = train.labels(batchMask);
        sgd.update(net.params, net.gradient(x, t));
        net.loss(x, t);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
