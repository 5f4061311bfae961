package dlfs.chapter6;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The trials of a random search run on several threads while every random number is drawn exactly as the book's
 * sequential loop draws it: {@code prepare(k)} makes trial k's draws (hyperparameters, initial weights, its share
 * of the stream) under one lock, strictly in trial order; {@code train}, which draws nothing more from the shared
 * generator, runs on any thread. {@code report} sees the trials in trial order, as the book prints them. With one
 * thread ({@code -Ddlfs.threads=1}) everything runs on the calling thread, for the debugger.
 */
final class ParallelTrials {
    private ParallelTrials() {
    }

    /** Runs trials 0..n-1 on {@code threads} threads; returns their results in trial order. */
    static <P, R> List<R> run(int n, int threads, IntFunction<P> prepare, Function<P, R> train, Consumer<R> report) {
        List<R> results = new ArrayList<>();
        if (threads == 1) {
            for (int k = 0; k < n; k++) {
                results.add(train.apply(prepare.apply(k)));
                report.accept(results.get(k));
            }
            return results;
        }
        Object[] done = new Object[n];
        int[] next = {0, 0};                                  // next trial to prepare, next trial to report
        boolean[] failed = {false};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        int k;
                        P prepared;
                        synchronized (next) {                 // the draws, in trial order
                            if (next[0] == n || failed[0]) {
                                return;
                            }
                            k = next[0]++;
                            prepared = prepare.apply(k);
                        }
                        R result;
                        try {
                            result = train.apply(prepared);
                        } catch (RuntimeException e) {
                            synchronized (next) {
                                failed[0] = true;             // the others stop after their current trial
                            }
                            throw new IllegalStateException("trial " + (k + 1) + " failed: " + e, e);
                        }
                        synchronized (done) {                 // report every finished trial whose turn has come
                            done[k] = result;
                            while (next[1] < n && done[next[1]] != null) {
                                report.accept(cast(done[next[1]++]));
                            }
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the search was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (Object r : done) {
            results.add(cast(r));
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static <R> R cast(Object o) {
        return (R) o;
    }
}
