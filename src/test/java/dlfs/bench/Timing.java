package dlfs.bench;

import java.util.Arrays;

/** Min and median of repeated timings, after a JIT warm-up: the numbers the benchmarks print. */
final class Timing {
    final double minMs;
    final double medianMs;

    private Timing(double minMs, double medianMs) {
        this.minMs = minMs;
        this.medianMs = medianMs;
    }

    /** Runs {@code body} for warmupMs, then {@code runs} timed runs of {@code reps} calls; ms per call. */
    static Timing measure(Runnable body, int runs, int reps, long warmupMs) {
        long until = System.nanoTime() + warmupMs * 1_000_000;
        while (System.nanoTime() < until) {
            body.run();
        }
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                body.run();
            }
            ms[r] = (System.nanoTime() - start) / 1e6 / reps;
        }
        Arrays.sort(ms);
        return new Timing(ms[0], ms[runs / 2]);
    }

    /** Enough repetitions for one run to take about {@code targetMs}. */
    static int repsFor(Runnable body, double targetMs) {
        long start = System.nanoTime();
        body.run();
        double once = Math.max(1e-3, (System.nanoTime() - start) / 1e6);
        return (int) Math.max(1, Math.min(100_000, targetMs / once));
    }
}
