package dlfs.layers;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;

/**
 * Dropout: in training, each value is kept with probability 1 − ratio and zeroed otherwise; at test time
 * every value is scaled by (1 − ratio), as the book does (not "inverted dropout"). Book §6.4.3; port of
 * common/layers.py {@code Dropout}. The mask is drawn from the given {@link Rng} ({@code np.random.rand}) in
 * the training forward pass only, so a test-mode pass draws nothing.
 */
public final class Dropout extends NamedLayer implements Layer {
    public final double dropoutRatio;
    private final Rng rng;
    private boolean[][] mask;   // forward cache: mask = rand(N,D) > dropoutRatio (true = kept)

    /** The book's default ratio 0.5. */
    public Dropout(Rng rng) {
        this(0.5, rng);
    }

    public Dropout(double dropoutRatio, Rng rng) {
        if (!(dropoutRatio >= 0 && dropoutRatio < 1)) {
            throw new IllegalArgumentException("Dropout: dropoutRatio=" + dropoutRatio + " must be in [0, 1)");
        }
        this.dropoutRatio = dropoutRatio;
        this.rng = rng;
    }

    /** Training mode, as the book's default {@code train_flg=True}. */
    @Override
    public Matrix forward(Matrix x) {
        return forward(x, true);
    }

    /** Training: out = x * mask (x·1 or x·0, so a NaN stays NaN as in numpy). Test: out = x * (1.0 - ratio). */
    @Override
    public Matrix forward(Matrix x, boolean trainFlg) {
        Matrix out = new Matrix(x.rows, x.cols);
        if (!trainFlg) {
            for (int i = 0; i < x.rows; i++) {
                double[] xi = x.data[i], oi = out.data[i];
                for (int j = 0; j < x.cols; j++) {
                    oi[j] = xi[j] * (1.0 - dropoutRatio);
                }
            }
            return out;
        }
        Matrix rand = rng.rand(x.rows, x.cols);                    // np.random.rand(*x.shape), row-major
        mask = new boolean[x.rows][x.cols];
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i], ri = rand.data[i];
            boolean[] mi = mask[i];
            for (int j = 0; j < x.cols; j++) {
                mi[j] = ri[j] > dropoutRatio;                      // mask = rand > dropout_ratio
                oi[j] = xi[j] * (mi[j] ? 1.0 : 0.0);               // x * mask
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix dout) {                          // dx = dout * mask
        requireForward(mask, dout);
        Matrix dx = new Matrix(dout.rows, dout.cols);
        for (int i = 0; i < dout.rows; i++) {
            double[] di = dout.data[i], dxi = dx.data[i];
            boolean[] mi = mask[i];
            for (int j = 0; j < dout.cols; j++) {
                dxi[j] = di[j] * (mi[j] ? 1.0 : 0.0);
            }
        }
        return dx;
    }

    /** "Dropout1 (He) ratio 0.15; last mask 100x100". */
    @Override
    public String toString() {
        return title() + " ratio " + dropoutRatio + "; last mask "
                + (mask == null ? "none" : mask.length + "x" + mask[0].length);
    }
}
