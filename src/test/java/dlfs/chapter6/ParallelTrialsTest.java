package dlfs.chapter6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.matrix.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search's trials: drawn in trial order from one generator, trained anywhere, reported in trial order. */
class ParallelTrialsTest {
    /** A stand-in trial: draws a uniform and hands the trainer a copy of the stream, skipping 5 draws. */
    private static List<String> search(int threads, List<String> reported, List<Thread> trainedOn) {
        Rng rng = new Rng(0);
        return ParallelTrials.run(12, threads, k -> {
            double u = rng.uniform(0, 1);
            Rng own = rng.copy();
            for (int i = 0; i < 5; i++) {
                rng.rand();
            }
            return new double[] {k, u, own.rand()};
        }, p -> {
            trainedOn.add(Thread.currentThread());
            try {
                Thread.sleep((long) (p[1] * 20));                 // trials finish out of order
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return (int) p[0] + ":" + p[1] + ":" + p[2];
        }, reported::add);
    }

    @Test
    void sameDrawsAndResultsInTrialOrderForAnyThreadCount() {
        List<String> reported1 = Collections.synchronizedList(new ArrayList<>());
        List<String> reported3 = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads1 = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads3 = Collections.synchronizedList(new ArrayList<>());
        List<String> one = search(1, reported1, threads1);
        List<String> three = search(3, reported3, threads3);
        assertThat(three).isEqualTo(one).hasSize(12);
        assertThat(reported3).isEqualTo(one);
        assertThat(reported1).isEqualTo(one);
        assertThat(one.get(0)).startsWith("0:");
        assertThat(one.get(11)).startsWith("11:");
        assertThat(threads1).containsOnly(Thread.currentThread());            // -Ddlfs.threads=1: the calling thread
        assertThat(threads3).doesNotContain(Thread.currentThread()).hasSize(12);
        assertThat(new java.util.HashSet<>(threads3)).hasSizeGreaterThan(1);
    }

    @Test
    void aFailedTrialIsNamedAndStopsTheSearch() {
        List<Integer> trained = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> ParallelTrials.run(50, 2, k -> k, k -> {
            trained.add(k);
            if (k == 3) {
                throw new ArithmeticException("boom");
            }
            return k;
        }, r -> { }))
                .hasMessage("trial 4 failed: java.lang.ArithmeticException: boom")
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(trained.size()).isLessThan(50);
    }
}
