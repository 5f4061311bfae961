package dlfs.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.matrix.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search's trials: prepared in order from one generator, trained anywhere, reported in trial order. */
class TrialsTest {
    /** A stand-in search: each trial draws a uniform and trains on a copy of the stream, which then skips 5 draws. */
    private static List<String> search(int threads, List<String> reported, List<Thread> trainedOn) {
        Rng rng = new Rng(0);
        try (Trials<String> trials = new Trials<>(threads, reported::add)) {
            for (int k = 0; k < 12; k++) {
                double u = rng.uniform(0, 1);
                Rng own = rng.copy();
                for (int i = 0; i < 5; i++) {
                    rng.rand();
                }
                int trial = k;
                trials.submit(() -> {
                    trainedOn.add(Thread.currentThread());
                    sleep((long) (u * 20));                          // trials finish out of order
                    return trial + ":" + u + ":" + own.rand();
                });
            }
            return trials.finish();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void sameDrawsAndResultsInTrialOrderForAnyThreadCount() {
        List<String> reported1 = new ArrayList<>();
        List<String> reported3 = new ArrayList<>();
        List<Thread> threads1 = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads3 = Collections.synchronizedList(new ArrayList<>());
        List<String> one = search(1, reported1, threads1);
        List<String> three = search(3, reported3, threads3);
        assertThat(three).isEqualTo(one).hasSize(12);
        assertThat(reported3).isEqualTo(one);
        assertThat(reported1).isEqualTo(one);
        assertThat(one.get(0)).startsWith("0:");
        assertThat(one.get(11)).startsWith("11:");
        assertThat(threads1).containsOnly(Thread.currentThread());            // one thread: inline, for the debugger
        assertThat(threads3).doesNotContain(Thread.currentThread()).hasSize(12);
        assertThat(new HashSet<>(threads3)).hasSizeGreaterThan(1);
    }

    @Test
    void noMoreTrialsTrainAtOnceThanThreads() {
        int[] now = {0};
        int[] most = {0};
        try (Trials<Integer> trials = new Trials<>(2, r -> { })) {
            for (int k = 0; k < 8; k++) {
                int trial = k;
                trials.submit(() -> {
                    synchronized (now) {
                        most[0] = Math.max(most[0], ++now[0]);
                    }
                    sleep(5);
                    synchronized (now) {
                        now[0]--;
                    }
                    return trial;
                });
            }
            assertThat(trials.finish()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        }
        assertThat(most[0]).isEqualTo(2);
    }

    @Test
    void aFailedTrialIsNamedAndStopsTheSearch() {
        List<Integer> trained = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> {
            try (Trials<Integer> trials = new Trials<>(2, r -> { })) {
                for (int k = 0; k < 50; k++) {
                    int trial = k;
                    trials.submit(() -> {
                        trained.add(trial);
                        if (trial == 3) {
                            throw new ArithmeticException("boom");
                        }
                        sleep(2);
                        return trial;
                    });
                }
                trials.finish();
            }
        }).hasMessage("trial 4 failed: java.lang.ArithmeticException: boom")
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(trained.size()).isLessThan(50);
    }
}
