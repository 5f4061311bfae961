package dlfs.matrix;

import java.util.Random;

/**
 * The one seeded random source of the project: numpy's {@code np.random.randn}, {@code rand},
 * {@code choice} and {@code permutation}. Every network and experiment takes an {@code Rng}, so the same
 * seed gives the same numbers. Built on {@link java.util.Random}, whose algorithm (including
 * {@code nextGaussian}) is fixed by its specification, so results do not change between JDKs.
 */
public final class Rng {
    private final Random random;

    public Rng(long seed) {
        this.random = new Random(seed);
    }

    /** A new independent source whose seed is drawn from this one (e.g. one per trial of a search). */
    public Rng split() {
        return new Rng(random.nextLong());
    }

    /** TEMPORARY stub until the rng branch lands. */
    public Rng copy() {
        throw new UnsupportedOperationException("copy");
    }

    /** One standard-normal value. */
    public double randn() {
        return random.nextGaussian();
    }

    /** A rows×cols matrix of standard-normal values (numpy {@code np.random.randn(rows, cols)}). */
    public Matrix randn(int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (double[] row : m.data) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    /** Uniform in [0, 1) (numpy {@code np.random.rand()}). */
    public double rand() {
        return random.nextDouble();
    }

    /** A rows×cols matrix uniform in [0, 1) (numpy {@code np.random.rand(rows, cols)}). */
    public Matrix rand(int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (double[] row : m.data) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble();
            }
        }
        return m;
    }

    /** Uniform in [low, high) (numpy {@code np.random.uniform(low, high)}). */
    public double uniform(double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform: low=" + low + " must be < high=" + high);
        }
        return low + (high - low) * random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt: bound=" + bound + " must be >= 1");
        }
        return random.nextInt(bound);
    }

    /** {@code size} indices drawn from [0, n) with replacement (numpy {@code np.random.choice(n, size)}). */
    public int[] choice(int n, int size) {
        if (n <= 0 || size < 0) {
            throw new IllegalArgumentException("choice: n=" + n + " must be >= 1 and size=" + size + " >= 0");
        }
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = random.nextInt(n);
        }
        return idx;
    }

    /** A random permutation of 0..n-1 (numpy {@code np.random.permutation(n)}), by Fisher–Yates. */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n=" + n + " must be >= 0");
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
