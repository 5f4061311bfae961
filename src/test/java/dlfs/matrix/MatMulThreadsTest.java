package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.testing.ChildJvm;
import dlfs.testing.SystemProperties;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker threads of MatMul: a parked worker is woken, a failure on a worker reaches the caller, a worker
 * held up mid-chunk is waited for (and the products right after run alone), an idle worker uses no CPU, an interrupted worker ends at once (as
 * {@code mvn exec:java} needs), and a program ends as soon as its main returns.
 */
class MatMulThreadsTest {
    private static final int ROWS = 64;

    @BeforeEach
    @AfterEach
    void stopWorkers() {
        MatMulThreads.stopAll();
        MatMul.rereadSwitches();
    }

    /** Rows that record which thread computed each row and how often each row was computed. */
    private static class Recording implements MatMulThreads.Rows {
        final Thread caller = Thread.currentThread();
        final AtomicReferenceArray<String> by = new AtomicReferenceArray<>(ROWS);
        final AtomicIntegerArray times = new AtomicIntegerArray(ROWS);
        final CountDownLatch callerStarted = new CountDownLatch(1);
        final CountDownLatch workerStarted = new CountDownLatch(1);

        /** Each thread holds its first chunk until the other has claimed one (5 s at most), so both take part. */
        @Override
        public void compute(int from, int to) {
            if (Thread.currentThread() == caller) {
                if (callerStarted.getCount() > 0) {
                    callerStarted.countDown();
                    await(workerStarted);
                }
                onCaller(from, to);
            } else {
                if (workerStarted.getCount() > 0) {
                    workerStarted.countDown();
                    await(callerStarted);
                }
                onWorker(from, to);
            }
            for (int r = from; r < to; r++) {
                by.set(r, Thread.currentThread().getName());
                times.incrementAndGet(r);
            }
        }

        void onCaller(int from, int to) {
        }

        void onWorker(int from, int to) {
        }

        void assertEveryRowOnceAndBothThreadsTookPart() {
            for (int r = 0; r < ROWS; r++) {
                assertThat(times.get(r)).as("times row %d was computed", r).isEqualTo(1);
            }
            List<String> names = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                names.add(by.get(r));
            }
            assertThat(names).contains(caller.getName()).anyMatch(n -> n.startsWith("dlfs-matmul-"));
        }
    }

    /**
     * Shares the rows between the caller and one worker, in chunks. A long wait in an earlier product (a busy
     * machine) would make this one run alone, so that is forgotten first.
     */
    private static void share(Recording rows, int chunk) {
        MatMulThreads.forgetBusyMachine();
        MatMulThreads.run(rows, ROWS, chunk, 2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread theWorker() {
        Thread[] workers = MatMulThreads.threads();
        assertThat(workers).hasSize(1);
        return workers[0];
    }

    private static void awaitState(Thread t, Thread.State state) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (t.getState() != state && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertThat(t.getState()).as("state of %s", t.getName()).isEqualTo(state);
    }

    @Test
    void aParkedWorkerIsWokenForTheNextProduct() throws InterruptedException {
        Recording first = new Recording();
        share(first, 1);
        first.assertEveryRowOnceAndBothThreadsTookPart();
        Thread worker = theWorker();
        awaitState(worker, Thread.State.WAITING);                      // parked after spinning 0.5 ms
        Recording next = new Recording();
        share(next, 1);
        next.assertEveryRowOnceAndBothThreadsTookPart();
        assertThat(theWorker()).isSameAs(worker);
    }

    @Test
    void aFailureOnAWorkerReachesTheCallerAndTheWorkersStayUsable() {
        Recording failing = new Recording() {
            @Override
            void onWorker(int from, int to) {
                throw new ArithmeticException("row " + from + " broke");
            }
        };
        assertThatThrownBy(() -> share(failing, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("MatMul: rows \\d+\\.\\.\\d+ failed on dlfs-matmul-\\d+: "
                        + "java.lang.ArithmeticException: row \\d+ broke")
                .hasCauseInstanceOf(ArithmeticException.class);
        Thread worker = theWorker();
        Recording next = new Recording();
        share(next, 1);
        next.assertEveryRowOnceAndBothThreadsTookPart();
        assertThat(theWorker()).isSameAs(worker);
    }

    @Test
    void aFailureOnTheCallersOwnRowsIsReportedToo() {
        Recording failing = new Recording() {                      // both threads take part, so the caller
            @Override                                              // surely computes (and breaks) a chunk
            void onCaller(int from, int to) {
                throw new IndexOutOfBoundsException("row " + from);
            }
        };
        assertThatThrownBy(() -> share(failing, 1)).hasMessageContaining("failed on " + failing.caller.getName())
                .hasCauseInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aWaitShorterThanTheCallersOwnShareIsNoSignOfABusyMachine() {
        Recording big = new Recording() {                          // one chunk each: the caller's takes 4 ms,
            @Override                                              // the worker's 5 ms, so the caller waits
            void onCaller(int from, int to) {                      // about 1 ms, far above LONG_WAIT_NANOS but
                sleep(4);                                          // below the 4 ms of its own share: a big
            }                                                      // product, not a preempted worker

            @Override
            void onWorker(int from, int to) {
                sleep(5);
            }
        };
        share(big, ROWS / 2);
        big.assertEveryRowOnceAndBothThreadsTookPart();
        Recording next = new Recording();
        MatMulThreads.run(next, ROWS, 1, 2);                         // not share(): nothing forgotten
        next.assertEveryRowOnceAndBothThreadsTookPart();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWorkerHeldUpMidChunkIsWaitedForAndTheNextProductsRunAlone() throws InterruptedException {
        AtomicBoolean slowChunkDone = new AtomicBoolean();
        Recording slow = new Recording() {
            @Override
            void onWorker(int from, int to) {                          // as if preempted for 300 ms
                if (!slowChunkDone.get()) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    slowChunkDone.set(true);
                }
            }
        };
        share(slow, 4);
        assertThat(slowChunkDone).as("run returned only after the slow chunk").isTrue();
        slow.assertEveryRowOnceAndBothThreadsTookPart();

        Set<String> threadsRight = ConcurrentHashMap.newKeySet();   // a busy machine: the next products run alone
        MatMulThreads.run((from, to) -> threadsRight.add(Thread.currentThread().getName()), ROWS, 1, 2);
        assertThat(threadsRight).containsExactly(Thread.currentThread().getName());
        Thread.sleep(MatMulThreads.ALONE_NANOS / 1_000_000 + 30);
        Recording later = new Recording();                          // and after a while are shared again
        MatMulThreads.run(later, ROWS, 1, 2);                        // not share(): nothing forgotten
        later.assertEveryRowOnceAndBothThreadsTookPart();
    }

    @Test
    void anIdleWorkerUsesNoCpu() throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Rng rng = new Rng(3);
        Matrix x = rng.randn(128, 100), W = rng.randn(100, 100);
        MatMul.setThreads(2);
        for (int i = 0; i < 200; i++) {
            MatMul.dot(x, W);
        }
        Thread worker = theWorker();
        awaitState(worker, Thread.State.WAITING);
        long before = mx.getThreadCpuTime(worker.getId());
        Thread.sleep(1000);
        long usedNanos = mx.getThreadCpuTime(worker.getId()) - before;
        assertThat(usedNanos).as("CPU ns of the idle worker over 1 s").isLessThan(20_000_000L);
    }

    @Test
    void anInterruptedWorkerEndsAtOnceAndTheNextProductStartsANewOne() throws InterruptedException {
        for (boolean parked : new boolean[] {false, true}) {
            share(new Recording(), 1);
            Thread worker = theWorker();
            if (parked) {
                awaitState(worker, Thread.State.WAITING);
            }
            worker.interrupt();                                        // what mvn exec:java does after main
            worker.join(1000);
            assertThat(worker.isAlive()).as("worker alive 1 s after the interrupt, parked=%s", parked).isFalse();
            Recording next = new Recording();
            share(next, 1);
            next.assertEveryRowOnceAndBothThreadsTookPart();
            assertThat(theWorker()).isNotSameAs(worker);
        }
    }

    @Test
    void withDlfsThreads1NoWorkerIsStarted() {
        String before = System.getProperty("dlfs.threads");
        try {
            System.setProperty("dlfs.threads", "1");
            MatMul.rereadSwitches();
            Rng rng = new Rng(6);
            Matrix x = rng.randn(128, 784), W = rng.randn(784, 100), dout = rng.randn(128, 100);
            MatMul.dot(x, W);
            MatMul.dotTransA(x, dout);
            MatMul.dotTransB(dout, W);
            assertThat(MatMulThreads.threads()).isEmpty();
        } finally {
            SystemProperties.restore("dlfs.threads", before);
        }
    }

    /** A run asked for far more threads than cores stops at the first product with one line, exit status 2. */
    @Test
    void tooManyThreadsEndARunWithOneLineAndExitStatus2(@TempDir Path tmp) {
        for (String n : new String[] {"1000", "2147483647"}) {
            ChildJvm.Result r = ChildJvm.run(tmp, List.of("dlfs.figures=" + tmp, "dlfs.threads=" + n),
                    "dlfs.chapter6.WeightInitCompare", "--iterations", "11");
            assertThat(r.err()).isEqualTo("WeightInitCompare: -Ddlfs.threads=" + n + " is not allowed (give a whole"
                    + " number from 1 to " + MatMul.MAX_THREADS + ", at most 4 per core)\n");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void productsFromTwoThreadsAtOnceAreBothRight() throws Exception {
        Rng rng = new Rng(4);
        Matrix x = rng.randn(128, 100), W = rng.randn(100, 100);
        MatMul.setThreads(1);
        Matrix expected = MatMul.dot(x, W);
        MatMul.setThreads(2);
        AtomicBoolean allSame = new AtomicBoolean(true);
        Runnable products = () -> {
            for (int i = 0; i < 300; i++) {
                Matrix y = MatMul.dot(x, W);
                for (int r = 0; r < y.rows; r++) {
                    if (!java.util.Arrays.equals(y.data[r], expected.data[r])) {
                        allSame.set(false);
                    }
                }
            }
        };
        Thread other = new Thread(products);
        other.start();
        products.run();
        other.join();
        assertThat(allSame).isTrue();
    }

    @Test
    void aProgramEndsAsSoonAsItsMainReturns() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dlfs.bench.ProductsThenExit").redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.startsWith("products done"); line = out.readLine()) {
                last = line;
            }
            long lastLine = System.nanoTime();
            boolean ended = p.waitFor(2, TimeUnit.SECONDS);
            assertThat(ended).as("ended within 2 s of its last line (last other output: %s)", last).isTrue();
            assertThat((System.nanoTime() - lastLine) / 1e9).isLessThan(2.0);
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
