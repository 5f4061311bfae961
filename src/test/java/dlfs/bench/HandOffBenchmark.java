package dlfs.bench;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * What it costs to hand work to another thread on this machine, the number behind MatMul's choice of a worker
 * that spins before it parks (see MatMulThreads): the time from posting a request until the other thread has
 * seen it and answered, when that thread waits by spinning on a volatile field and when it waits parked
 * ({@link LockSupport#park}, as an idle worker does) and must be woken. Not a test: run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.HandOffBenchmark}.
 */
public final class HandOffBenchmark {
    private static final int SAMPLES = 1000;
    private static volatile long request;
    private static volatile long answer;
    private static volatile boolean parks;

    private HandOffBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread other = new Thread(HandOffBenchmark::answerEachRequest, "answers");
        other.setDaemon(true);
        other.start();
        double[] spinning = sample(other, false), parked = sample(other, true);
        System.out.printf("JDK %s, %d cores; from a request to its answer by another thread, µs, median"
                + " (10th..90th percentile) of %d%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), SAMPLES);
        System.out.printf("the other thread spins:            %s%n", summary(spinning));
        System.out.printf("the other thread is parked, woken: %s%n", summary(parked));
    }

    /** The other thread: waits for each new request (spinning, or parked if parks is set) and answers it. */
    private static void answerEachRequest() {
        long seen = 0;
        while (true) {
            long r = request;
            if (r != seen) {
                seen = r;
                answer = r;
            } else if (parks) {
                LockSupport.park();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static double[] sample(Thread other, boolean park) throws InterruptedException {
        parks = park;
        double[] us = new double[SAMPLES];
        for (int s = -SAMPLES / 4; s < SAMPLES; s++) {      // the first quarter warms up the JIT
            Thread.sleep(2);                                 // let the other thread settle (and park)
            long start = System.nanoTime();
            request = request + 1;
            if (park) {
                LockSupport.unpark(other);
            }
            while (answer != request) {
                Thread.onSpinWait();
            }
            if (s >= 0) {
                us[s] = (System.nanoTime() - start) / 1e3;
            }
        }
        return us;
    }

    private static String summary(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("%.1f (%.1f..%.1f)", s[s.length / 2], s[s.length / 10], s[9 * s.length / 10]);
    }
}
