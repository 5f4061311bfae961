package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.util.Py;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Rng against numpy: the vectors numpy 2.4.6 printed for src/test/resources/reference/rng_vectors.py
 * (rng_vectors.txt, every line replayed by {@link #everyVectorNumpyPrintedIsReproduced}; repr digits read back to
 * the exact doubles), compared with exact equality.
 */
class RngTest {

    private static long[] uint32s(Rng rng, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextUint32();
        }
        return v;
    }

    private static double[] randns(Rng rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.randn();
        }
        return v;
    }

    // ---- numpy's values --------------------------------------------------------------------------------------

    /** Each line of rng_vectors.txt, "SEED CALL ARGS: values", replayed on a fresh generator. */
    @Test
    void everyVectorNumpyPrintedIsReproduced() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/reference/rng_vectors.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(lines).hasSizeGreaterThan(20);
        for (String line : lines) {
            String[] call = line.substring(0, line.indexOf(':')).split(" ");
            String expected = line.substring(line.indexOf(':') + 1).trim();
            assertThat(replay(call)).as(line).isEqualTo(expected);
        }
    }

    /** The values a call prints as numpy's repr does, space-separated. */
    private static String replay(String[] call) {
        Rng rng = new Rng(Long.parseLong(call[0]));
        int[] a = new int[call.length - 2];
        for (int i = 2; i < call.length; i++) {
            a[i - 2] = Integer.parseInt(call[i]);
        }
        StringJoiner out = new StringJoiner(" ");
        switch (call[1]) {
            case "uint32" -> Arrays.stream(uint32s(rng, a[0])).forEach(v -> out.add(Long.toString(v)));
            case "rand" -> Arrays.stream(rng.rand(1, a[0]).data[0]).forEach(v -> out.add(Py.str(v)));
            case "randn" -> Arrays.stream(randns(rng, a[0])).forEach(v -> out.add(Py.str(v)));
            case "uniform" -> {
                for (int k = 0; k < a[2]; k++) {
                    out.add(Py.str(rng.uniform(a[0], a[1])));
                }
            }
            case "choice" -> Arrays.stream(rng.choice(a[0], a[1])).forEach(v -> out.add(Integer.toString(v)));
            case "permutation" -> Arrays.stream(rng.permutation(a[0])).limit(12)
                    .forEach(v -> out.add(Integer.toString(v)));
            default -> throw new IllegalArgumentException("unknown call " + call[1]);
        }
        return out.toString();
    }

    @Test
    void rawDrawsAfterSeedEqualNumpys() {
        assertThat(uint32s(new Rng(0), 5))
                .containsExactly(2357136044L, 2546248239L, 3071714933L, 3626093760L, 2588848963L);
        assertThat(uint32s(new Rng(2026), 3)).containsExactly(942082305L, 3292560774L, 1773871898L);
        // the largest seed has the top bit set
        assertThat(uint32s(new Rng(4294967295L), 3)).containsExactly(419326371L, 479346978L, 3918654476L);
    }

    @Test
    void randEqualsNumpys() {
        Rng rng = new Rng(0);
        assertThat(new double[] {rng.rand(), rng.rand(), rng.rand()})
                .containsExactly(0.5488135039273248, 0.7151893663724195, 0.6027633760716439);
        assertThat(new Rng(0).rand(1, 3).data[0])
                .containsExactly(0.5488135039273248, 0.7151893663724195, 0.6027633760716439);
    }

    @Test
    void randnEqualsNumpys() {
        assertThat(randns(new Rng(0), 4))
                .containsExactly(1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458);
        assertThat(randns(new Rng(2026), 3))
                .containsExactly(-0.43171852031170316, -1.3928739678290634, 0.3115706675062827);
        Matrix m = new Rng(0).randn(2, 2);   // row-major
        assertThat(m.data[0]).containsExactly(1.764052345967664, 0.4001572083672233);
        assertThat(m.data[1]).containsExactly(0.9787379841057392, 2.240893199201458);
    }

    /**
     * The one place Math.log shows: numpy (glibc log) gives 0.45248909263964643 and 0.0978961454126271 for
     * randn(1000)[662], [663]; with Math.log each is 1 ulp away, as numpy 2.4.6 on x86-64 Linux printed them.
     */
    @Test
    void logSensitiveNormalsAreTheMathLogVariantOneUlpFromNumpys() {
        double[] x = randns(new Rng(0), 1000);
        assertThat(x[662]).isEqualTo(0.4524890926396464);
        assertThat(x[663]).isEqualTo(0.09789614541262709);
        assertThat(Math.abs(x[662] - 0.45248909263964643)).isEqualTo(Math.ulp(x[662]));
        assertThat(Math.abs(x[663] - 0.0978961454126271)).isEqualTo(Math.ulp(x[663]));
        // the two log arguments behind them: glibc gives -0x1.f9e5555136f12p-5 and -0x1.1e16dd9741fdbp-1
        assertThat(Math.log(0x1.e15688525b974p-1)).isEqualTo(-0x1.f9e5555136f11p-5);
        assertThat(Math.log(0x1.24d1cba38415p-1)).isEqualTo(-0x1.1e16dd9741fdcp-1);
    }

    @Test
    void choiceEqualsNumpysAndDrawsOne32BitValuePerAttempt() {
        assertThat(new Rng(0).choice(60000, 8)).containsExactly(2732, 43567, 42613, 52416, 45891, 21243, 30403, 32103);
        // choice(60000, 128) uses 139 draws (11 rejected above 59999 under the mask 65535)
        Rng rng = new Rng(0);
        rng.choice(60000, 128);
        Rng fresh = new Rng(0);
        uint32s(fresh, 139);
        assertThat(rng.nextUint32()).isEqualTo(fresh.nextUint32());
        // n = 1 draws nothing (numpy: randint(0, 1) returns 0 without a draw)
        Rng one = new Rng(0);
        assertThat(one.choice(1, 5)).containsExactly(0, 0, 0, 0, 0);
        assertThat(one.rand()).isEqualTo(0.5488135039273248);
    }

    @Test
    void permutationEqualsNumpys() {
        assertThat(new Rng(0).permutation(10)).containsExactly(2, 8, 4, 9, 1, 6, 7, 3, 0, 5);
    }

    @Test
    void uniformEqualsNumpys() {
        Rng rng = new Rng(0);
        assertThat(new double[] {rng.uniform(-8, -4), rng.uniform(-8, -4), rng.uniform(-8, -4)})
                .containsExactly(-5.804745984290701, -5.139242534510322, -5.588946495713424);
    }

    @Test
    void cachedNormalSurvivesChoice() {
        Rng rng = new Rng(0);
        assertThat(randns(rng, 3)).containsExactly(1.764052345967664, 0.4001572083672233, 0.9787379841057392);
        assertThat(rng.choice(60000, 2)).containsExactly(41993, 57043);
        assertThat(rng.randn()).isEqualTo(2.240893199201458);   // the 4th normal, made with the 3rd
    }

    /** weight_init_compare's draws: 3 nets × (784x100, 100x100 ×3, 100x10), then the first mini-batch. */
    @Test
    void weightInitCompareInitThenFirstBatchEqualsNumpys() {
        int[] sizes = {784, 100, 100, 100, 100, 10};
        Rng rng = new Rng(0);
        for (int net = 0; net < 3; net++) {
            for (int i = 0; i < 5; i++) {
                rng.randn(sizes[i], sizes[i + 1]);
            }
        }
        Rng fresh = new Rng(0);
        uint32s(fresh, 836_452);                        // numpy: the init uses 836,452 draws
        assertThat(rng.copy().nextUint32()).isEqualTo(fresh.nextUint32());
        assertThat(Arrays.copyOf(rng.choice(60000, 128), 8))
                .containsExactly(16823, 8932, 49475, 1132, 4715, 55721, 18125, 47401);
    }

    // ---- copy -----------------------------------------------------------------------------------------------

    /** A mixed sequence of calls, starting with randn() so a cached normal is read first. */
    private static String transcript(Rng rng) {
        return rng.randn() + " " + Arrays.toString(rng.choice(60000, 5)) + " " + rng.rand() + " " + rng.uniform(-6, -2)
                + " " + Arrays.toString(rng.permutation(20)) + " " + Arrays.deepToString(rng.randn(3, 3).data)
                + " " + Arrays.toString(uint32s(rng, 700));   // past a twist
    }

    @Test
    void copyContinuesExactlyAsTheOriginalIncludingTheCachedNormal() {
        Rng original = new Rng(2026);
        original.randn(1, 3);                                      // odd count: the 4th normal is cached
        Rng copy = original.copy();
        double fourth = randns(new Rng(2026), 4)[3];
        String fromCopy = transcript(copy);
        assertThat(fromCopy).startsWith(fourth + " ");
        assertThat(transcript(original)).isEqualTo(fromCopy);
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        Rng original = afterOneNormal(7);
        Rng copy = original.copy();
        uint32s(copy, 2000);                                       // advancing the copy ...
        copy.randn();
        assertThat(transcript(original)).isEqualTo(transcript(afterOneNormal(7)));   // ... leaves the original

        Rng advanced = afterOneNormal(7);
        Rng copied = advanced.copy();
        uint32s(advanced, 2000);                                   // and advancing the original leaves the copy
        assertThat(transcript(copied)).isEqualTo(transcript(afterOneNormal(7)));
    }

    private static Rng afterOneNormal(long seed) {
        Rng rng = new Rng(seed);
        rng.randn();
        return rng;
    }

    // ---- seeds and arguments --------------------------------------------------------------------------------

    @Test
    void seedMustBeA32BitUnsignedInt() {
        assertThatThrownBy(() -> new Rng(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Rng: seed -1 is outside 0..4294967295 (np.random.seed takes a 32-bit unsigned int)");
        assertThatThrownBy(() -> new Rng(4294967296L)).hasMessageContaining("seed 4294967296 is outside 0..4294967295");
        assertThatThrownBy(() -> new Rng(Long.MIN_VALUE)).hasMessageContaining("outside 0..4294967295");
        assertThat(new Rng(Rng.MAX_SEED).rand()).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsBadArguments() {
        Rng rng = new Rng(0);
        assertThatThrownBy(() -> rng.choice(0, 5)).hasMessage("choice: n=0 must be >= 1 and size=5 >= 0");
        assertThatThrownBy(() -> rng.choice(5, -1)).hasMessageContaining("size=-1 >= 0");
        assertThatThrownBy(() -> rng.permutation(-1)).hasMessage("permutation: n=-1 must be >= 0");
        assertThatThrownBy(() -> rng.uniform(2, 1)).hasMessage("uniform: low=2.0 must be < high=1.0, both finite");
        assertThatThrownBy(() -> rng.uniform(0, Double.POSITIVE_INFINITY)).hasMessageContaining("both finite");
    }

    // ---- properties -----------------------------------------------------------------------------------------

    @Test
    void randnHasMeanZeroAndUnitVariance() {
        Matrix x = new Rng(7).randn(200, 500);
        double mean = x.sum() / 100_000, var = x.sumOfSquares() / 100_000 - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.01));
        assertThat(var).isCloseTo(1, within(0.02));
    }

    @Test
    void randAndUniformStayInTheirIntervals() {
        Rng rng = new Rng(3);
        Matrix u = rng.rand(100, 100);
        double sum = 0;
        for (double[] row : u.data) {
            for (double v : row) {
                assertThat(v).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
                sum += v;
            }
        }
        assertThat(sum / 10_000).isCloseTo(0.5, within(0.01));
        for (int i = 0; i < 1000; i++) {
            assertThat(rng.uniform(-8, -4)).isGreaterThanOrEqualTo(-8.0).isLessThan(-4.0);
        }
    }

    @Test
    void choiceCoversItsRangeEvenly() {
        int[] counts = new int[300];
        for (int i : new Rng(3).choice(300, 30_000)) {
            counts[i]++;   // throws if i is outside [0, 300)
        }
        assertThat(Arrays.stream(counts).min().getAsInt()).isGreaterThan(60);
        assertThat(Arrays.stream(counts).max().getAsInt()).isLessThan(140);
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = new Rng(3).permutation(500);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 500; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(p).isNotEqualTo(sorted);
        assertThat(new Rng(3).permutation(0)).isEmpty();
        assertThat(new Rng(3).permutation(1)).containsExactly(0);
    }
}
