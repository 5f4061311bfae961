package dlfs.bench;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import dlfs.testing.PlainIkj;
import java.util.function.Supplier;

/**
 * GFLOP/s of MatMul's three products on every shape of the WeightInitCompare workload (batch 128,
 * 784-[100×4]-10), beside the plain one-row i-k-j loop and the naive triple loop (MatMul's own, as with
 * {@code -Ddlfs.matmul=naive}), with ratios. Two tables:
 * <ol>
 *   <li>dense random operands (no zeros to skip: the worst case for MatMul);</li>
 *   <li>the operands one training step really multiplies: a real MNIST batch (about 80 % zero pixels), ReLU
 *       outputs and the gradients back through the ReLUs (about half zero), after 300 steps of training.</li>
 * </ol>
 * GFLOP/s are dense-equivalent: 2·N·D·H divided by the time, however many zeros were skipped; "zeros" is
 * the share of zeros in the operand whose zeros MatMul skips. Not a test:
 * run with {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dlfs.bench.MatMulBenchmark} (the second table reads the MNIST files in mnist/).
 */
public final class MatMulBenchmark {
    private static final int[][] SHAPES = {{128, 784, 100}, {128, 100, 100}, {128, 100, 10}};   // N, D, H
    private static final int RUNS = 7;
    private static final String HEADER = String.format("%-34s %5s %14s %14s %12s %12s %7s %8s %8s",
            "product", "zeros", "MatMul 1 thr", "MatMul 2 thr", "plain i-k-j", "naive", "vs ikj", "vs naive", "µs 1 thr");

    public static void main(String[] args) {
        System.out.printf("JDK %s, %d cores; GFLOP/s min-time / median-time of %d runs after warm-up;"
                + " GFLOP/s = 2·N·D·H / time%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), RUNS);
        Rng rng = new Rng(0);
        System.out.println("\n1. Dense random operands");
        System.out.println(HEADER);
        for (int[] s : SHAPES) {
            int N = s[0], D = s[1], H = s[2];
            Matrix x = rng.randn(N, D), W = rng.randn(D, H), dout = rng.randn(N, H);
            products("", x, W, dout, true);
            double inPlace = gflops(2.0 * N * D * H, () -> PlainIkj.dotTransBInPlace(dout, W))[0];
            System.out.printf("%-34s %5s %14s %14s %12.1f   (dout·Wᵀ as row dot products, no transpose copy)%n",
                    "", "", "", "", inPlace);
        }
        System.out.println("\n2. The operands of one training step (x·W runs twice per iteration: gradient and loss)");
        System.out.println(HEADER);
        trainingStep(rng);
    }

    /** x·W, xᵀ·dout and (if withDx) dout·Wᵀ for one layer. */
    private static void products(String layer, Matrix x, Matrix W, Matrix dout, boolean withDx) {
        int N = x.rows, D = x.cols, H = W.cols;
        double flop = 2.0 * N * D * H;
        row(String.format("%sx·W      %dx%d·%dx%d", layer, N, D, D, H), x, flop,
                () -> MatMul.dot(x, W), () -> PlainIkj.dot(x, W), naive(() -> MatMul.dot(x, W)));
        Matrix skipped = H < MatMul.NARROW && H < D ? dout : x;     // a narrow dW skips the zeros of dout
        row(String.format("%sxᵀ·dout  %dx%d·%dx%d", layer, D, N, N, H), skipped, flop,
                () -> MatMul.dotTransA(x, dout), () -> PlainIkj.dotTransA(x, dout),
                naive(() -> MatMul.dotTransA(x, dout)));
        if (withDx) {
            row(String.format("%sdout·Wᵀ  %dx%d·%dx%d", layer, N, H, H, D), dout, flop,
                    () -> MatMul.dotTransB(dout, W), () -> PlainIkj.dotTransB(dout, W),
                    naive(() -> MatMul.dotTransB(dout, W)));
        }
    }

    /**
     * Trains the workload's net for 300 steps, then takes the operands of one more step (each Affine's x, W
     * and dout) and times every product of the step with them. The first layer's dx is not computed in
     * training, so it is not timed.
     */
    private static void trainingStep(Rng rng) {
        MnistSet train = Mnist.load().train();
        MultiLayerNet net = TrainingLoopBenchmark.workloadNet(WeightInit.HE, rng);
        SGD sgd = new SGD(0.01);
        for (int i = 0; i < 300; i++) {
            int[] batch = train.randomBatch(rng, 128);
            sgd.update(net.params, net.gradient(train.images(batch), train.labels(batch)));
        }
        int[] batch = train.randomBatch(rng, 128);
        StepProducts step = new StepProducts(net, train.images(batch), train.labels(batch));
        for (int k = 0; k < step.xs.size(); k++) {
            products("Affine" + (k + 1) + " ", step.xs.get(k), step.Ws.get(k), step.douts.get(k), k > 0);
        }
    }

    /** The product, computed by MatMul's textbook loops. */
    private static Supplier<Matrix> naive(Supplier<Matrix> product) {
        return () -> {
            MatMul.setNaive(true);
            try {
                return product.get();
            } finally {
                MatMul.setNaive(false);
            }
        };
    }

    private static void row(String name, Matrix left, double flop, Supplier<Matrix> project,
                            Supplier<Matrix> plain, Supplier<Matrix> naive) {
        MatMul.setThreads(1);
        double[] one = gflops(flop, project);
        MatMul.setThreads(2);
        double[] two = gflops(flop, project);
        double[] ikj = gflops(flop, plain);
        double[] nai = gflops(flop, naive);
        System.out.printf("%-34s %4.0f%% %6.1f / %5.1f %6.1f / %5.1f %5.1f / %4.1f %5.1f / %4.1f %6.2fx %7.2fx %8.1f%n",
                name, 100 * zeroShare(left), one[0], one[1], two[0], two[1], ikj[0], ikj[1], nai[0], nai[1],
                one[0] / ikj[0], one[0] / nai[0], flop / one[1] / 1e3);
    }

    private static double zeroShare(Matrix m) {
        long zeros = 0;
        for (double[] row : m.data) {
            for (double v : row) {
                zeros += v == 0 ? 1 : 0;
            }
        }
        return (double) zeros / ((long) m.rows * m.cols);
    }

    /** {best, median} GFLOP/s. */
    private static double[] gflops(double flop, Supplier<Matrix> product) {
        Runnable body = product::get;
        int reps = Timing.repsFor(body, 60);
        Timing t = Timing.measure(body, RUNS, reps, 300);
        return new double[] {flop / t.minMs / 1e6, flop / t.medianMs / 1e6};
    }
}
