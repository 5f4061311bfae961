package dlfs.layers;

import dlfs.matrix.Matrix;
import java.util.Locale;

/** ReLU layer: out = max(0, x). Book §5.5.1, eq. (5.7)–(5.8); port of common/layers.py {@code Relu}. */
public final class Relu extends NamedLayer implements Layer {
    private boolean[][] mask;   // forward cache: mask = (x <= 0), where out and dx are 0

    @Override
    public Matrix forward(Matrix x) {                      // out = x with out[mask] = 0    (5.7)
        mask = new boolean[x.rows][x.cols];
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            boolean[] mi = mask[i];
            for (int j = 0; j < x.cols; j++) {
                mi[j] = xi[j] <= 0;                        // mask = (x <= 0); NaN <= 0 is false
            }
            for (int j = 0; j < x.cols; j++) {
                oi[j] = Math.max(0.0, xi[j]);              // out[mask] = 0: the same values (a NaN stays NaN,
            }                                              // −0 becomes 0) in a loop the JIT vectorises
        }
        return out;
    }

    /** dx = dout with dx[mask] = 0    (5.8). The book writes {@code dout[mask] = 0} into dout itself; we copy. */
    @Override
    public Matrix backward(Matrix dout) {
        requireForward(mask, dout);
        Matrix dx = dout.copy();
        for (int i = 0; i < dout.rows; i++) {
            for (int j = 0; j < dout.cols; j++) {
                if (mask[i][j]) {
                    dx.data[i][j] = 0;                     // dout[mask] = 0
                }
            }
        }
        return dx;
    }

    /** "Relu1 (He); last x 128x100, 48.2% masked". */
    @Override
    public String toString() {
        if (mask == null) {
            return title() + "; no forward yet";
        }
        long masked = 0;
        for (boolean[] row : mask) {
            for (boolean m : row) {
                masked += m ? 1 : 0;
            }
        }
        double share = 100.0 * masked / ((long) mask.length * mask[0].length);
        return String.format(Locale.ROOT, "%s; last x %dx%d, %.1f%% masked", title(), mask.length,
                mask[0].length, share);
    }
}
