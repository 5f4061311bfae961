package dlfs.layers;

import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;

/** Affine layer: out = x·W + b. Book §5.6.1–5.6.2, eq. (5.13); port of common/layers.py {@code Affine}. */
public final class Affine implements Layer {
    public final Matrix W;    // (D,H) parameter; the optimizer updates this same object in place
    public final Matrix b;    // (1,H) parameter
    public final Matrix dW;   // (D,H) gradient, written by backward
    public final Matrix db;   // (1,H) gradient, written by backward
    private Matrix x;         // forward cache: x (N,D)

    public Affine(Matrix W, Matrix b) {
        if (b.rows != 1 || b.cols != W.cols) {
            throw new IllegalArgumentException("Affine: W is " + W.shape() + " but b is " + b.shape()
                    + " (b must be 1x" + W.cols + ")");
        }
        this.W = W;
        this.b = b;
        this.dW = new Matrix(W.rows, W.cols);
        this.db = new Matrix(1, W.cols);
    }

    @Override
    public Matrix forward(Matrix x) {                      // x (N,D) · W (D,H) + b (1,H) -> (N,H)
        this.x = x;
        return MatMul.dot(x, W).addRowVectorInPlace(b);
    }

    @Override
    public Matrix backward(Matrix dout) {                  // dout (N,H); eq. (5.13)
        backwardParams(dout);
        return MatMul.dotTransB(dout, W);                  // dx = dout · Wᵀ       (N,D)
    }

    /** The dW and db of {@link #backward} without dx: for the first layer, whose dx nobody reads. */
    public void backwardParams(Matrix dout) {
        if (x == null) {
            throw new IllegalStateException("Affine.backward: call forward first");
        }
        MatMul.dotTransA(x, dout, dW);                     // dW = xᵀ · dout       (D,H)
        dout.sumColumnsInto(db);                           // db = Σ_n dout[n]     (1,H), sum over the batch axis
    }
}
