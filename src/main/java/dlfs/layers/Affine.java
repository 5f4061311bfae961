package dlfs.layers;

import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;

/** Affine layer: out = x·W + b. Book §5.6.1–5.6.2, eq. (5.13); port of common/layers.py {@code Affine}. */
public class Affine extends NamedLayer implements Layer {
    public final Matrix W;    // (D,H) parameter; the optimizer updates this same object in place
    public final Matrix b;    // (1,H) parameter
    public final Matrix dW;   // (D,H) gradient, written by backward
    public final Matrix db;   // (1,H) gradient, written by backward
    /**
     * False for a network's first Affine, whose x is the input images: nobody reads its dx, so backward skips
     * that product (about a quarter of a training step's multiply-adds) and returns null. The book computes it.
     */
    public final boolean computeDx;
    private Matrix x;         // forward cache: x (N,D)

    /** An Affine layer whose backward returns dx, as the book's. */
    public Affine(Matrix W, Matrix b) {
        this(W, b, true);
    }

    /** With {@code computeDx} false, backward computes dW and db only and returns null (a network's first layer). */
    public Affine(Matrix W, Matrix b, boolean computeDx) {
        if (b.rows != 1 || b.cols != W.cols) {
            throw new IllegalArgumentException("Affine: W is " + W.shape() + " but b is " + b.shape()
                    + " (b must be 1x" + W.cols + ")");
        }
        this.W = W;
        this.b = b;
        this.dW = new Matrix(W.rows, W.cols);
        this.db = new Matrix(1, W.cols);
        this.computeDx = computeDx;
    }

    @Override
    public Matrix forward(Matrix x) {                      // x (N,D) · W (D,H) + b (1,H) -> (N,H)
        this.x = x;
        return MatMul.dot(x, W).addRowVectorInPlace(b);
    }

    /** dout (N,H); eq. (5.13). The book computes dx first; the order changes no value. */
    @Override
    public Matrix backward(Matrix dout) {
        requireForward(x != null, x == null ? 0 : x.rows, W.cols, dout);
        MatMul.dotTransA(x, dout, dW);                     // dW = xᵀ · dout       (D,H)
        dout.sumColumnsInto(db);                           // db = np.sum(dout, axis=0)   (1,H)
        return computeDx ? MatMul.dotTransB(dout, W) : null;   // dx = dout · Wᵀ     (N,D)
    }

    /** "Affine2 (He) W 100x100, b 1x100; last x 128x100". */
    @Override
    public String toString() {
        return title() + " W " + W.shape() + ", b " + b.shape() + "; last x " + shapeOf(x)
                + (computeDx ? "" : "; no dx (first layer)");
    }
}
