package dlfs.bench;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.functions.Im2col;
import dlfs.layers.Affine;
import dlfs.layers.Convolution;
import dlfs.layers.Pooling;
import dlfs.layers.Relu;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import dlfs.network.SimpleConvNet;
import dlfs.optimizer.Adam;
import dlfs.optimizer.Optimizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Milliseconds per training step of TrainConvnet (book §7.5: SimpleConvNet on MNIST, batch 100, Adam lr 0.001;
 * one step = draw a batch, gradient, update, loss, as trainer.py's train_step), then where a step's time goes:
 * each layer's forward and backward, and the matrix products inside them replayed on their own at the step's
 * shapes. Not a test: run with {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dlfs.bench.ConvNetBenchmark}; {@code bench/convnet-vs-numpy.sh} runs the book's numpy step
 * (bench/convnet_step.py) next to the whole of TrainConvnet. With {@code --cpu} the parts are timed in CPU time of
 * the calling thread, which a busy machine disturbs less; give it {@code -Ddlfs.threads=1} so that the products
 * run on that thread too.
 */
public final class ConvNetBenchmark {
    private static final int RUNS = 5;
    private static final int STEPS_PER_RUN = 40;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static boolean cpuTime;

    public static void main(String[] args) {
        cpuTime = Arrays.asList(args).contains("--cpu");
        MnistSet train = Mnist.load().train();
        System.out.printf("JDK %s, %d cores, MatMul threads %d%s, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), MatMul.threads(), MatMul.naive() ? " (naive)" : "",
                Runtime.getRuntime().maxMemory() >> 20);
        Rng rng = new Rng(1);
        SimpleConvNet network = new SimpleConvNet(rng);
        Optimizer adam = new Adam(0.001);
        for (int i = 0; i < 150; i++) {                                   // JIT warm-up, and some learning
            step(train, network, adam, rng);
        }
        double[] ms = new double[RUNS], cpu = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime(), cpuStart = PROCESS.getProcessCpuTime();
            for (int i = 0; i < STEPS_PER_RUN; i++) {
                step(train, network, adam, rng);
            }
            ms[r] = (System.nanoTime() - start) / 1e6 / STEPS_PER_RUN;
            cpu[r] = (PROCESS.getProcessCpuTime() - cpuStart) / 1e6 / STEPS_PER_RUN;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("step (batch, gradient, Adam, loss): min %.1f median %.1f ms; CPU time of the process (all"
                + " threads, a spinning worker's too) min %.1f median %.1f ms%n", ms[0], ms[RUNS / 2], cpu[0],
                cpu[RUNS / 2]);
        parts(train, network, rng);
        System.out.printf("ConvNetBenchmark: %.2f ms per step, CPU %.2f ms (medians of %d runs of %d steps)%n",
                ms[RUNS / 2], cpu[RUNS / 2], RUNS, STEPS_PER_RUN);
    }

    /** trainer.py's train_step. */
    private static void step(MnistSet train, SimpleConvNet network, Optimizer optimizer, Rng rng) {
        int[] batchMask = rng.choice(train.size(), 100);
        Matrix xBatch = train.images(batchMask);
        int[] tBatch = train.labels(batchMask);
        optimizer.update(network.params, network.gradient(xBatch, tBatch));
        network.loss(xBatch, tBatch);
    }

    /**
     * Each layer call of one step timed on its own (forward ×2: once in gradient, once for the loss), and the
     * products inside Conv1 and Affine1 replayed alone; median over repeated steps, ms per step.
     */
    private static void parts(MnistSet train, SimpleConvNet network, Rng rng) {
        Convolution conv1 = (Convolution) network.layers.get("Conv1");
        Relu relu1 = (Relu) network.layers.get("Relu1");
        Pooling pool1 = (Pooling) network.layers.get("Pool1");
        Affine affine1 = (Affine) network.layers.get("Affine1");
        Map<String, double[]> times = new LinkedHashMap<>();
        int reps = 30;
        for (int rep = 0; rep < reps; rep++) {
            Tensor4 x = network.images(train.images(rng.choice(train.size(), 100)));
            Clock clock = new Clock(times, rep, reps);
            Tensor4 c = conv1.forward(x);
            clock.lap("Conv1.forward", 2);
            Tensor4 r = Tensor4.of(relu1.forward(c.matrix()), c.C, c.H, c.W);
            clock.lap("Relu1.forward", 2);
            Tensor4 p = pool1.forward(r);
            clock.lap("Pool1.forward", 2);
            Matrix h = affine1.forward(p.matrix());
            clock.lap("Affine1.forward", 2);
            network.predict(x);                                          // Relu2, Affine2 (and the rest again)
            clock.skip();
            Matrix dh = rng.randn(h.rows, h.cols);
            clock.skip();
            Matrix dp = affine1.backward(dh);
            clock.lap("Affine1.backward", 1);
            Tensor4 dr = pool1.backward(Tensor4.of(dp, p.C, p.H, p.W));
            clock.lap("Pool1.backward", 1);
            Tensor4 dc = Tensor4.of(relu1.backward(dr.matrix()), dr.C, dr.H, dr.W);
            clock.lap("Relu1.backward", 1);
            conv1.backward(dc);
            clock.lap("Conv1.backward", 1);
            // inside Conv1 and Affine1, replayed on the same operands
            Matrix col = Im2col.im2col(x, 5, 5, 1, 0);
            clock.lap("  im2col (57600x25) in Conv1.forward", 2);
            Matrix colW = new Matrix(25, 30);                            // W.reshape(FN, -1).T
            for (int f = 0; f < 30; f++) {
                for (int k = 0; k < 25; k++) {
                    colW.data[k][f] = conv1.W.data[f][k];
                }
            }
            clock.skip();
            MatMul.dot(col, colW);
            clock.lap("  product col·col_W 57600x25·25x30", 2);
            Matrix dout = dc.channelsLast();                             // dout.transpose(0,2,3,1).reshape(-1, FN)
            clock.skip();
            MatMul.dotTransA(col, dout);
            clock.lap("  product colᵀ·dout 57600x25ᵀ·57600x30 (dW)", 1);
            MatMul.dot(p.matrix(), affine1.W);
            clock.lap("  product x·W 100x4320·4320x100", 2);
            MatMul.dotTransA(p.matrix(), dh, affine1.dW);
            clock.lap("  product xᵀ·dout 4320x100·100x100 (dW)", 1);
            MatMul.dotTransB(dh, affine1.W);
            clock.lap("  product dout·Wᵀ 100x100·100x4320 (dx)", 1);
        }
        System.out.println("per step (median over " + reps + " steps; forward runs twice per step: gradient, loss)"
                + (cpuTime ? ", CPU time of the calling thread:" : ":"));
        for (Map.Entry<String, double[]> e : times.entrySet()) {
            double[] t = e.getValue().clone();
            Arrays.sort(t);
            System.out.printf("  %-46s %7.2f ms%n", e.getKey(), t[t.length / 2]);
        }
    }

    /** Laps of one replayed step; each lap's time times how often the step makes that call. */
    private static final class Clock {
        private final Map<String, double[]> times;
        private final int rep;
        private final int reps;
        private long last = now();

        Clock(Map<String, double[]> times, int rep, int reps) {
            this.times = times;
            this.rep = rep;
            this.reps = reps;
        }

        /** The calling thread's CPU time with --cpu (for a busy machine, with -Ddlfs.threads=1), else the clock. */
        static long now() {
            return cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        void lap(String what, int callsPerStep) {
            long now = now();
            times.computeIfAbsent(what, k -> new double[reps])[rep] = (now - last) / 1e6 * callsPerStep;
            last = now;
        }

        void skip() {
            last = now();
        }
    }
}
