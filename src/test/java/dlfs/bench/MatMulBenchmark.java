package dlfs.bench;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.testing.NaiveMatMul;
import dlfs.testing.PlainIkj;
import java.util.function.Supplier;

/**
 * GFLOP/s of MatMul's three products on every shape of the WeightInitCompare workload (batch 128,
 * 784-[100×4]-10), beside the plain one-row i-k-j loop and the naive triple loop, with ratios.
 * The last two rows use a real MNIST batch (see the MNIST section of the README for where the files go).
 * Not a test: run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.MatMulBenchmark}.
 */
public final class MatMulBenchmark {
    private static final int[][] SHAPES = {{128, 784, 100}, {128, 100, 100}, {128, 100, 10}};   // N, D, H
    private static final int RUNS = 7;

    public static void main(String[] args) {
        System.out.printf("JDK %s, %d cores; min / median of %d runs after warm-up; GFLOP/s = 2·N·D·H / time%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), RUNS);
        System.out.printf("%-26s %14s %14s %12s %12s %8s %8s%n", "product", "MatMul 1 thr", "MatMul 2 thr",
                "plain i-k-j", "naive", "vs ikj", "vs naive");
        Rng rng = new Rng(0);
        for (int[] s : SHAPES) {
            int N = s[0], D = s[1], H = s[2];
            Matrix x = rng.randn(N, D), W = rng.randn(D, H), dout = rng.randn(N, H);
            double flop = 2.0 * N * D * H;
            row(String.format("x·W      %dx%d·%dx%d", N, D, D, H), flop,
                    () -> MatMul.dot(x, W), () -> PlainIkj.dot(x, W), () -> NaiveMatMul.dot(x, W));
            row(String.format("xᵀ·dout  %dx%d·%dx%d", D, N, N, H), flop,
                    () -> MatMul.dotTransA(x, dout), () -> PlainIkj.dotTransA(x, dout),
                    () -> NaiveMatMul.dot(NaiveMatMul.transpose(x), dout));
            row(String.format("dout·Wᵀ  %dx%d·%dx%d", N, H, H, D), flop,
                    () -> MatMul.dotTransB(dout, W), () -> PlainIkj.dotTransB(dout, W),
                    () -> NaiveMatMul.dot(dout, NaiveMatMul.transpose(W)));
            double inPlace = gflops(flop, () -> PlainIkj.dotTransBInPlace(dout, W))[0];
            System.out.printf("%-26s %14s %14s %12.1f   (dout·Wᵀ as row dot products, no transpose copy)%n",
                    "", "", "", inPlace);
        }
        mnistFirstLayer(rng);
    }

    /**
     * The first layer as training runs it: x is a real MNIST batch, about 80 % zero pixels, so MatMul takes its
     * zero-skipping loops (dense-equivalent GFLOP/s: the same 2·N·D·H divided by the time).
     */
    private static void mnistFirstLayer(Rng rng) {
        MnistSet train = Mnist.load().train();
        Matrix x = train.images(train.randomBatch(rng, 128)), W = rng.randn(784, 100), dout = rng.randn(128, 100);
        double flop = 2.0 * 128 * 784 * 100;
        System.out.println("first layer on a real MNIST batch (zero-skipping loops):");
        row("x·W      MNIST 128x784·784x100", flop, () -> MatMul.dot(x, W), () -> PlainIkj.dot(x, W),
                () -> NaiveMatMul.dot(x, W));
        row("xᵀ·dout  MNIST 784x128·128x100", flop, () -> MatMul.dotTransA(x, dout), () -> PlainIkj.dotTransA(x, dout),
                () -> NaiveMatMul.dot(NaiveMatMul.transpose(x), dout));
    }

    private static void row(String name, double flop, Supplier<Matrix> project, Supplier<Matrix> plain,
                            Supplier<Matrix> naive) {
        MatMul.setThreads(1);
        double[] one = gflops(flop, project);
        MatMul.setThreads(2);
        double[] two = gflops(flop, project);
        double[] ikj = gflops(flop, plain);
        double[] nai = gflops(flop, naive);
        System.out.printf("%-26s %6.1f / %5.1f %6.1f / %5.1f %5.1f / %4.1f %5.1f / %4.1f %7.2fx %7.2fx%n", name,
                one[0], one[1], two[0], two[1], ikj[0], ikj[1], nai[0], nai[1], one[0] / ikj[0], one[0] / nai[0]);
    }

    /** {best, median} GFLOP/s. */
    private static double[] gflops(double flop, Supplier<Matrix> product) {
        Runnable body = product::get;
        int reps = Timing.repsFor(body, 60);
        Timing t = Timing.measure(body, RUNS, reps, 300);
        return new double[] {flop / t.minMs / 1e6, flop / t.medianMs / 1e6};
    }
}
