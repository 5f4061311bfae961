package dlfs.bench;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.layers.Relu;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.network.MultiLayerNet;
import dlfs.network.WeightInit;
import dlfs.optimizer.SGD;
import java.util.Map;

/**
 * Where the time of a WeightInitCompare training iteration goes outside the matrix multiply-adds: the steps
 * outside the products (the "rest" of TrainingLoopBenchmark), then MatMul's own checks and copies. Each step
 * is timed alone at the workload's shapes, times the number of calls per iteration (784-[100×4]-10 ReLU,
 * batch 128, gradient + SGD update + loss). Not a test: run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.OutsideProductsBenchmark}.
 */
public final class OutsideProductsBenchmark {
    private static double total;

    public static void main(String[] args) {
        MnistSet train = Mnist.load().train();
        Rng rng = new Rng(3);
        MultiLayerNet net = TrainingLoopBenchmark.workloadNet(WeightInit.HE, rng);
        int[] batch = train.randomBatch(rng, 128);
        Matrix x = train.images(batch), h = rng.randn(128, 100), dout = rng.randn(128, 100);
        Matrix scores = rng.randn(128, 10), b = new Matrix(1, 100), db = new Matrix(1, 100);
        Matrix W1 = rng.randn(784, 100), W = rng.randn(100, 100);
        int[] t = train.labels(batch);
        Relu relu = new Relu();
        Relu[] relus = new Relu[16];                       // each with its own mask, as in training: a branch on
        for (int k = 0; k < relus.length; k++) {           // the same mask call after call would be learned
            relus[k] = new Relu();
            relus[k].forward(rng.randn(128, 100));
        }
        int[] next = {0};
        SoftmaxWithLoss softmax = new SoftmaxWithLoss();
        softmax.forward(scores, t);
        Map<String, Matrix> grads = net.gradient(x, t);
        SGD sgd = new SGD(0.01);
        for (int i = 0; i < 500; i++) {    // warm up the JIT and let the garbage collector size the heap
            int[] idx = train.randomBatch(rng, 128);
            sgd.update(net.params, net.gradient(train.images(idx), train.labels(idx)));
        }

        System.out.printf("JDK %s; µs per call (best of 7 runs) × calls per iteration%n", System.getProperty("java.version"));
        System.out.printf("%-50s %9s %6s %9s%n", "step", "µs/call", "calls", "µs/iter");
        System.out.println("outside the products (TrainingLoopBenchmark's \"rest\")");
        step("batch: draw 128 indices, gather images, labels", 1, () -> {
            int[] idx = train.randomBatch(rng, 128);
            train.images(idx);
            train.labels(idx);
        });
        step("input check: x finite (gradient and loss)", 2, x::hasNonFinite);
        step("ReLU forward 128x100 (its new result included)", 8, () -> relu.forward(h));
        step("ReLU backward 128x100 (its new result included)", 4, () -> relus[next[0]++ & 15].backward(dout));
        step("SoftmaxWithLoss forward 128x10", 2, () -> softmax.forward(scores, t));
        step("SoftmaxWithLoss backward", 1, softmax::backward);
        step("Affine + b 128x100 (and 128x10 counted as one)", 10, () -> h.addRowVectorInPlace(b));
        step("Affine db = Σ dout 128x100", 5, () -> dout.sumColumnsInto(db));
        step("SGD update, all 10 parameters", 1, () -> sgd.update(net.params, grads));
        System.out.printf("%-50s %9s %6s %9.0f%n", "total outside the products", "", "", total);
        double outside = total;
        total = 0;
        System.out.println("inside MatMul, besides the multiply-adds (counted in the products' time)");
        step("W1 finite before x·W1", 2, W1::hasNonFinite);
        step("100x100 or 128x100 operand finite", 13, W::hasNonFinite);
        step("Wᵀ copy for dx 100x100", 3, () -> MatMul.transpose(W));
        step("xᵀ copy for the 10-wide x·W, 128x100", 2, () -> MatMul.transpose(h));
        step("new 128x100 result (8 x·W, 4 dout·Wᵀ)", 12, () -> new Matrix(128, 100));
        System.out.printf("%-50s %9s %6s %9.0f%n", "total inside MatMul", "", "", total);
        System.out.printf("%-50s %9s %6s %9.0f%n", "total", "", "", outside + total);
    }

    private static void step(String name, int callsPerIteration, Runnable body) {
        int reps = Timing.repsFor(body, 40);
        Timing timing = Timing.measure(body, 7, reps, 300);
        double us = timing.minMs * 1000;
        total += us * callsPerIteration;
        System.out.printf("%-50s %9.1f %6d %9.0f%n", name, us, callsPerIteration, us * callsPerIteration);
    }
}
