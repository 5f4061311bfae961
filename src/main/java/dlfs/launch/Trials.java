package dlfs.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Independent trials of a search (each trains its own network) on a small pool, reported in trial order. The
 * caller prepares each trial in its own loop, in the book's order (so every random number is drawn where the
 * book draws it), and hands over only the training; {@link #submit} waits while {@code threads} trials are
 * training, so no more than that are ever prepared ahead. Results are reported, on the calling thread, in the
 * order the trials were submitted. With one thread a trial runs inside {@code submit}, on the calling thread,
 * so a debugger steps straight into it.
 *
 * <pre>
 * try (Trials&lt;Result&gt; trials = new Trials&lt;&gt;(threads, r -&gt; System.out.println(r))) {
 *     for (int k = 0; k &lt; n; k++) {
 *         Trainer trainer = …;                       // draws from the shared generator, in order
 *         trials.submit(() -&gt; train(trainer));       // draws nothing from it
 *     }
 *     results = trials.finish();
 * }
 * </pre>
 */
public final class Trials<R> implements AutoCloseable {
    private final int threads;
    private final Consumer<R> report;
    private final ExecutorService pool;
    private final Semaphore free;
    private final List<Future<R>> running = new ArrayList<>();
    private final List<R> results = new ArrayList<>();

    public Trials(int threads, Consumer<R> report) {
        if (threads < 1) {
            throw new IllegalArgumentException("Trials: threads=" + threads + " must be >= 1");
        }
        this.threads = threads;
        this.report = report;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dlfs-trial");
            t.setDaemon(true);
            return t;
        });
        this.free = new Semaphore(threads);
    }

    /** Trains the next trial: inline with one thread, else on the pool once one of its threads is free. */
    public void submit(Supplier<R> trial) {
        if (threads == 1) {
            R result = trial.get();
            results.add(result);
            report.accept(result);
            return;
        }
        int number = results.size() + running.size() + 1;
        try {
            free.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the search was interrupted before trial " + number, e);
        }
        running.add(pool.submit(() -> {
            try {
                return trial.get();
            } finally {
                free.release();
            }
        }));
        reportDone(false);
    }

    /** Waits for every trial, reports the rest in order, and returns all results in trial order. */
    public List<R> finish() {
        reportDone(true);
        return List.copyOf(results);
    }

    /** Reports the finished trials at the head of the queue; with {@code all}, waits for each in turn. */
    private void reportDone(boolean all) {
        while (!running.isEmpty() && (all || running.get(0).isDone())) {
            int number = results.size() + 1;
            R result;
            try {
                result = running.get(0).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the search was interrupted at trial " + number, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("trial " + number + " failed: " + e.getCause(), e.getCause());
            }
            running.remove(0);
            results.add(result);
            report.accept(result);
        }
    }

    /** Stops the pool; trials still training are interrupted (after a failure or an interruption). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
