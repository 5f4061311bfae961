package dlfs.matrix;

/**
 * The one seeded random source of the project: numpy's legacy global generator, bit for bit.
 *
 * <p>{@code new Rng(0)} is {@code np.random.seed(0)}; after it, {@link #randn(int, int)}, {@link #rand(int, int)},
 * {@link #uniform}, {@link #choice} and {@link #permutation} return exactly what {@code np.random.randn},
 * {@code rand}, {@code uniform}, {@code choice} and {@code permutation} return in the same order of calls, so a
 * Java main and the book's script run with {@code np.random.seed(0)} see the same weights and mini-batches. The
 * engine is MT19937 (Matsumoto and Nishimura, 1998) seeded by its reference {@code init_genrand}, as numpy's
 * {@code _legacy_seeding} does for an int seed; normals come from the Marsaglia polar method of numpy's
 * {@code legacy_gauss}, which makes two at a time and keeps the second for the next call. numpy's own values for
 * every call are in the tests (src/test/resources/reference/rng_vectors.py and its output). One deviation: {@link Math#log} instead of the C library's
 * {@code log} in {@link #randn()}, which differs in the last bit on about 0.03 % of the normals (RngTest shows one).
 */
public final class Rng {
    /** Largest seed {@code np.random.seed} accepts, 2^32 - 1. */
    public static final long MAX_SEED = 0xffffffffL;

    // MT19937 parameters (Matsumoto and Nishimura 1998; numpy src/mt19937/mt19937.h)
    private static final int N = 624;                        // state words
    private static final int M = 397;                        // the twist mixes word i with word i + M
    private static final int MATRIX_A = 0x9908b0df;          // twist matrix, last row
    private static final int UPPER_MASK = 0x80000000;        // most significant bit of a word
    private static final int LOWER_MASK = 0x7fffffff;        // the other 31 bits
    private static final int INIT_MULTIPLIER = 1812433253;   // init_genrand's multiplier
    private static final int TEMPERING_MASK_B = 0x9d2c5680;
    private static final int TEMPERING_MASK_C = 0xefc60000;
    // a 53-bit double in [0, 1) from two draws: (a·2^26 + b) / 2^53 with a of 27 bits, b of 26 bits
    private static final double TWO_POW_26 = 67108864.0;
    private static final double TWO_POW_53 = 9007199254740992.0;

    private final int[] key = new int[N];   // MT state (numpy: state['key'])
    private int pos;                        // next word of key to temper; N means "twist first"
    private boolean hasGauss;               // randn made two normals and the second is waiting
    private double gauss;                   // that second normal (numpy: gauss_cache)

    /**
     * {@code np.random.seed(seed)}: a generator in the state numpy has after that call.
     *
     * @throws IllegalArgumentException if seed is outside 0..4294967295, as numpy's ValueError
     */
    public Rng(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("Rng: seed " + seed + " is outside 0.." + MAX_SEED
                    + " (np.random.seed takes a 32-bit unsigned int)");
        }
        // init_genrand: key[i] = 1812433253 · (key[i-1] ^ (key[i-1] >>> 30)) + i   (mod 2^32)
        key[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = key[i - 1];
            key[i] = INIT_MULTIPLIER * (prev ^ (prev >>> 30)) + i;
        }
        pos = N;
        hasGauss = false;
        gauss = 0.0;
    }

    private Rng(Rng other) {
        System.arraycopy(other.key, 0, key, 0, N);
        pos = other.pos;
        hasGauss = other.hasGauss;
        gauss = other.gauss;
    }

    /**
     * An independent generator in exactly this one's state, cached normal included (numpy:
     * {@code rs = np.random.RandomState(); rs.set_state(np.random.get_state())}). The hyperparameter search hands
     * a copy to a trial and advances this generator past the trial's draws.
     */
    public Rng copy() {
        return new Rng(this);
    }

    /**
     * One 32-bit MT19937 output as an unsigned value in [0, 2^32) (numpy {@code mt19937_next32}, what
     * {@code np.random.MT19937().random_raw()} returns); every other method is built on it.
     */
    long nextUint32() {
        if (pos == N) {
            twist();
        }
        int y = key[pos];
        pos++;
        // tempering
        y ^= y >>> 11;
        y ^= (y << 7) & TEMPERING_MASK_B;
        y ^= (y << 15) & TEMPERING_MASK_C;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y);
    }

    /** Regenerates all N words of the state at once (numpy {@code mt19937_gen}). */
    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (key[i] & UPPER_MASK) | (key[(i + 1) % N] & LOWER_MASK);
            int next = key[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= MATRIX_A;
            }
            key[i] = next;
        }
        pos = 0;
    }

    /** Uniform in [0, 1) from two draws, 53 bits (numpy {@code np.random.rand()}, i.e. {@code mt19937_next_double}). */
    public double rand() {
        int a = (int) (nextUint32() >>> 5);   // 27 bits
        int b = (int) (nextUint32() >>> 6);   // 26 bits
        return (a * TWO_POW_26 + b) / TWO_POW_53;
    }

    /**
     * A rows×cols matrix of {@link #rand()}, filled row by row (numpy {@code np.random.rand(rows, cols)}); the book's
     * Dropout mask is {@code np.random.rand(*x.shape) > dropout_ratio}.
     */
    public Matrix rand(int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[i][j] = rand();
            }
        }
        return m;
    }

    /**
     * One standard-normal value (numpy {@code np.random.randn()}, i.e. {@code legacy_gauss}): the polar method
     * makes two normals from one point in the unit disc and returns the second on the next call.
     */
    public double randn() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        // a point (x1, x2) uniform in the unit disc without its centre, by rejection from the square
        double x1, x2, r2;
        do {
            x1 = 2.0 * rand() - 1.0;
            x2 = 2.0 * rand() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // Box-Muller transform in polar form: f·x1 and f·x2 are independent standard normals
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);   // numpy calls the C library's log (see class comment)
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /**
     * A rows×cols matrix of {@link #randn()}, filled row by row (numpy {@code np.random.randn(rows, cols)}); the
     * book's weights are {@code scale * np.random.randn(in, out)}.
     */
    public Matrix randn(int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[i][j] = randn();
            }
        }
        return m;
    }

    /**
     * Uniform in [low, high) (numpy {@code np.random.uniform(low, high)}); the hyperparameter search draws
     * {@code 10 ** uniform(-8, -4)}. Stricter than numpy, which also takes low ≥ high.
     */
    public double uniform(double low, double high) {
        if (!(low < high) || !Double.isFinite(high - low)) {
            throw new IllegalArgumentException("uniform: low=" + low + " must be < high=" + high + ", both finite");
        }
        double range = high - low;   // numpy computes the width first, then low + width·u
        return low + range * rand();
    }

    /**
     * {@code size} indices drawn from [0, n) with replacement (numpy {@code np.random.choice(n, size)}, which is
     * {@code randint(0, n, size)}); the book's mini-batch is {@code np.random.choice(train_size, batch_size)}.
     */
    public int[] choice(int n, int size) {
        if (n <= 0 || size < 0) {
            throw new IllegalArgumentException("choice: n=" + n + " must be >= 1 and size=" + size + " >= 0");
        }
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = (int) bounded(n - 1);
        }
        return idx;
    }

    /**
     * A random permutation of 0..n-1 (numpy {@code np.random.permutation(n)}); the hyperparameter search shuffles
     * its training data with it. Fisher-Yates from the last element down, as numpy's {@code shuffle}.
     */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n=" + n + " must be >= 0");
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) bounded(i);   // j uniform in [0, i]
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }

    /**
     * Uniform integer in [0, max] by masked rejection (numpy {@code random_interval}, and the legacy path of
     * {@code randint}): draw 32 bits, keep the lowest bits up to the smallest all-ones mask ≥ max, retry while
     * the value exceeds max. max = 0 draws nothing. (numpy returns a raw draw for max = 2^32 - 1; an int n
     * never gets there.)
     */
    private long bounded(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** The generator's position, for the debugger's variables pane. */
    @Override
    public String toString() {
        return "Rng MT19937 pos=" + pos + "/" + N + (hasGauss ? ", cached normal " + gauss : ", no cached normal");
    }
}
