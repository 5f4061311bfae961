package dlfs.matrix;

/**
 * The sum numpy computes for {@code np.sum} of a contiguous 1-D array or along the last axis of a row:
 * numpy's {@code pairwise_sum} (numpy/_core/src/umath/loops_utils.h.src). Fewer than 8 values are added in
 * order; up to 128 go into 8 running sums, combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the tail
 * is added in order; longer arrays are split in two halves (the first a multiple of 8 long) summed the same
 * way. Floating-point addition is not associative, so this order is what makes our softmax, cross-entropy
 * and weight-decay sums the same doubles as the book's. Sums over the batch axis ({@code np.sum(x, axis=0)})
 * are different: numpy adds the rows in order there, and so do the layers.
 */
public final class PairwiseSum {
    /** numpy's {@code PW_BLOCKSIZE}: longer runs are split in two. */
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** np.sum(a) for a 1-D array. */
    public static double of(double[] a) {
        return of(a, 0, a.length);
    }

    /** np.sum(a[from : from + n]). */
    public static double of(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = from; i < from + n; i++) {
                res += a[i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;                                   // the first half stays a multiple of the 8-way unroll
        return of(a, from, n2) + of(a, from + n2, n - n2);
    }
}
