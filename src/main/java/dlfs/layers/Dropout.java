package dlfs.layers;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;

/**
 * Dropout: in training, each value is kept with probability 1 − ratio and zeroed otherwise; at test time
 * every value is scaled by (1 − ratio), as the book does (not "inverted dropout"). Book §6.4.3; port of
 * common/layers.py {@code Dropout}. The mask comes from the given seeded {@link Rng}.
 */
public final class Dropout implements Layer {
    public final double dropoutRatio;
    private final Rng rng;
    private boolean[][] mask;   // forward cache: mask[i][j] = rand() > dropoutRatio (true = kept)

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

    @Override
    public Matrix forward(Matrix x, boolean trainFlg) {
        Matrix out = new Matrix(x.rows, x.cols);
        if (!trainFlg) {
            for (int i = 0; i < x.rows; i++) {                     // out = x · (1 − ratio)
                double[] xi = x.data[i], oi = out.data[i];
                for (int j = 0; j < x.cols; j++) {
                    oi[j] = xi[j] * (1.0 - dropoutRatio);
                }
            }
            return out;
        }
        mask = new boolean[x.rows][x.cols];
        for (int i = 0; i < x.rows; i++) {                         // mask = rand(N,D) > ratio; out = x ⊙ mask
            double[] xi = x.data[i], oi = out.data[i];
            boolean[] mi = mask[i];
            for (int j = 0; j < x.cols; j++) {
                mi[j] = rng.rand() > dropoutRatio;
                oi[j] = mi[j] ? xi[j] : 0.0;
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix dout) {                          // dx = dout ⊙ mask
        if (mask == null || mask.length != dout.rows || mask[0].length != dout.cols) {
            throw new IllegalStateException("Dropout.backward: dout is " + dout.shape() + " but the training"
                    + " forward was " + (mask == null ? "not called" : "given " + mask.length + "x" + mask[0].length));
        }
        Matrix dx = new Matrix(dout.rows, dout.cols);
        for (int i = 0; i < dout.rows; i++) {
            double[] di = dout.data[i], dxi = dx.data[i];
            boolean[] mi = mask[i];
            for (int j = 0; j < dout.cols; j++) {
                dxi[j] = mi[j] ? di[j] : 0.0;
            }
        }
        return dx;
    }
}
