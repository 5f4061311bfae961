package dlfs.matrix;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The worker threads that share a big product's output rows with the calling thread ({@link MatMul}); nothing here
 * knows about matrices. The caller publishes a {@link Job}, and it and the workers claim chunks of rows from one
 * counter until none is left; each row is computed whole by one thread, so results do not depend on who computed
 * what. Between products a worker spins for {@link #SPIN_NANOS} and then parks, so an idle program uses no CPU.
 * A caller kept waiting by a worker the operating system took off its core runs the next products alone
 * ({@link #LONG_WAIT_NANOS}). Workers are daemon threads and end when interrupted (as {@code mvn exec:java} does
 * after main). The reasons and measurements: docs/SPEED.md, "Both cores".
 */
final class MatMulThreads {
    /** How long an idle worker spins before it parks: longer than the gap between two training iterations. */
    static final long SPIN_NANOS = 500_000;
    /** A caller that waited this long for the last chunk (and longer than its own share) sees a busy machine... */
    static final long LONG_WAIT_NANOS = 200_000;
    /** ...and the products of the next 20 ms then run on their calling thread alone. */
    static final long ALONE_NANOS = 20_000_000;

    /** A product's rows: computes rows [from, to) of the output. Called from several threads at once. */
    interface Rows {
        void compute(int from, int to);
    }

    /** The product being shared (or the last one shared): what an idle worker watches for. */
    private static volatile Job current;
    /** The running workers; replaced (never changed in place) when the thread count changes. */
    private static volatile Worker[] workers = new Worker[0];
    /** Set while a product is shared: a product that comes from another thread meanwhile runs alone. */
    private static final AtomicInteger sharing = new AtomicInteger();
    /** Until this System.nanoTime(), products run alone (see LONG_WAIT_NANOS). */
    private static volatile long aloneUntil = System.nanoTime();
    private static final AtomicInteger started = new AtomicInteger();

    private MatMulThreads() {
    }

    /**
     * Computes {@code rows.compute} over rows 0..count, split in chunks of {@code chunk} rows between the
     * calling thread and {@code threads - 1} workers. Returns when every row is done; throws if any chunk failed.
     */
    static void run(Rows rows, int count, int chunk, int threads) {
        if (threads < 2 || System.nanoTime() - aloneUntil < 0 || !sharing.compareAndSet(0, 1)) {
            rows.compute(0, count);                       // a busy machine, or another thread is sharing a product
            return;
        }
        try {
            Worker[] helpers = workers(threads - 1);
            Job job = new Job(rows, count, chunk);
            current = job;                                // volatile write: publishes the job to the workers
            for (Worker w : helpers) {
                w.wake();
            }
            long start = System.nanoTime();
            job.work();                                   // the caller claims chunks too
            long ownShare = System.nanoTime() - start;
            if (job.awaitAllDone() > Math.max(LONG_WAIT_NANOS, ownShare)) {   // a worker taken off its core
                aloneUntil = System.nanoTime() + ALONE_NANOS;
            }
            job.rows = null;                              // let the operands go; no chunk is left to read them
            Failure failure = job.failure.get();
            if (failure != null) {
                throw new IllegalStateException("MatMul: rows " + failure.from + ".." + failure.to + " failed on "
                        + failure.thread + ": " + failure.error, failure.error);
            }
        } finally {
            sharing.set(0);
        }
    }

    /** The workers for {@code n} helpers: started on first use, stopped and restarted if n changes or one ended. */
    private static Worker[] workers(int n) {
        Worker[] w = workers;
        if (w.length == n && allAlive(w)) {
            return w;
        }
        synchronized (MatMulThreads.class) {
            w = workers;
            if (w.length == n && allAlive(w)) {
                return w;
            }
            for (Worker old : w) {
                old.stop();
            }
            Worker[] fresh = new Worker[n];
            for (int i = 0; i < n; i++) {
                fresh[i] = new Worker("dlfs-matmul-" + started.incrementAndGet());
                fresh[i].start();
            }
            workers = fresh;
            return fresh;
        }
    }

    private static boolean allAlive(Worker[] w) {
        for (Worker worker : w) {
            if (worker.ended) {
                return false;
            }
        }
        return true;
    }

    /** Forgets a long wait: the next product is shared again (for tests). */
    static void forgetBusyMachine() {
        aloneUntil = System.nanoTime();
    }

    /** Stops every worker and forgets a busy machine (for tests). Products after this start new workers. */
    static synchronized void stopAll() {
        forgetBusyMachine();
        for (Worker w : workers) {
            w.stop();
        }
        workers = new Worker[0];
    }

    /** The running worker threads (for tests). */
    static Thread[] threads() {
        Worker[] w = workers;
        Thread[] t = new Thread[w.length];
        for (int i = 0; i < w.length; i++) {
            t[i] = w[i].thread;
        }
        return t;
    }

    /** One shared product: its rows, the next row nobody has claimed, and how many are done. */
    static final class Job {
        Rows rows;                                        // cleared when the product is done
        final int count;
        final int chunk;
        final AtomicInteger nextRow = new AtomicInteger();
        final AtomicInteger rowsDone = new AtomicInteger();
        final AtomicReference<Failure> failure = new AtomicReference<>();

        Job(Rows rows, int count, int chunk) {
            this.rows = rows;
            this.count = count;
            this.chunk = Math.max(1, chunk);
        }

        /** Claims and computes chunks until none is left. A failed chunk is recorded and still counted as done. */
        void work() {
            for (int from = nextRow.getAndAdd(chunk); from < count; from = nextRow.getAndAdd(chunk)) {
                int to = Math.min(count, from + chunk);
                try {
                    if (failure.get() == null) {              // after a failure the rest is skipped
                        rows.compute(from, to);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, new Failure(from, to, Thread.currentThread().getName(), e));
                } finally {
                    rowsDone.addAndGet(to - from);            // release: the rows written are visible to the caller
                }
            }
        }

        /**
         * Waits until every claimed chunk is done: spins for 50 µs, then also yields the core, which the worker
         * may be waiting for on a busy machine. Returns the nanoseconds it waited.
         */
        long awaitAllDone() {
            long start = System.nanoTime(), waited = 0;
            while (rowsDone.get() < count) {
                waited = System.nanoTime() - start;
                if (waited < 50_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return waited;
        }
    }

    /** The first chunk that threw: which rows, on which thread, and what. */
    static final class Failure {
        final int from;
        final int to;
        final String thread;
        final Throwable error;

        Failure(int from, int to, String thread, Throwable error) {
            this.from = from;
            this.to = to;
            this.thread = thread;
            this.error = error;
        }
    }

    /** A daemon thread that helps with each new {@link #current} job, spinning a while and then parking between jobs. */
    private static final class Worker implements Runnable {
        final Thread thread;
        volatile boolean parked;
        volatile boolean stopped;
        volatile boolean ended;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            try {
                Job last = null;                          // a job that is already done has no rows left to claim
                long idleSince = System.nanoTime();
                while (!stopped && !thread.isInterrupted()) {
                    Job job = current;
                    if (job != last) {
                        last = job;
                        job.work();
                        idleSince = System.nanoTime();
                    } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;                    // then look once more: a job posted before this line
                        if (current == last && !stopped) {    // sees parked = false and is caught here instead
                            LockSupport.park(this);
                        }
                        parked = false;
                        idleSince = System.nanoTime();
                    }
                }
            } finally {
                ended = true;
            }
        }
    }
}
