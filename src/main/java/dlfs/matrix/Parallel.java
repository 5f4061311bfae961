package dlfs.matrix;

/**
 * A loop over independent items (the images of a batch, the rows of a matrix) shared with {@link MatMul}'s worker
 * threads, for the work that prepares a product's operands or reshapes its result (im2col, col2im, the transposes
 * of chapter 7). Each item is computed whole by one thread, so the results are the same for any thread count;
 * {@code -Ddlfs.threads=1} runs every item on the calling thread.
 */
public final class Parallel {
    /** Loops with fewer element operations than this run on the calling thread. */
    static final long THRESHOLD = 50_000L;

    /** Computes items [from, to); called from several threads at once, on disjoint ranges. */
    public interface Items {
        void compute(int from, int to);
    }

    private Parallel() {
    }

    /**
     * Computes items 0..count-1 through {@code items}, shared between the calling thread and the workers in chunks
     * of about a sixteenth of a thread's share when {@code work} (about how many elements the loop touches) is
     * large enough, else on the calling thread. Returns when every item is done.
     */
    public static void forEach(int count, long work, Items items) {
        int n = MatMul.threads();
        if (count < 2 || n == 1 || work < THRESHOLD) {
            items.compute(0, count);
        } else {
            MatMulThreads.run(items::compute, count, Math.max(1, count / (16 * n)), n);
        }
    }
}
