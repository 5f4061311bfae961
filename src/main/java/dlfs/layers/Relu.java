package dlfs.layers;

import dlfs.matrix.Matrix;

/** ReLU layer: out = max(0, x). Book §5.5.1, eq. (5.7)–(5.8); port of common/layers.py {@code Relu}. */
public final class Relu implements Layer {
    private boolean[][] mask;   // forward cache: mask[i][j] = (x[i][j] <= 0), as in the book

    @Override
    public Matrix forward(Matrix x) {
        if (mask == null || mask.length != x.rows || mask[0].length != x.cols) {
            mask = new boolean[x.rows][x.cols];
        }
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            boolean[] mi = mask[i];
            for (int j = 0; j < x.cols; j++) {
                mi[j] = xi[j] <= 0;
                oi[j] = mi[j] ? 0.0 : xi[j];
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix dout) {                  // dx = dout where x > 0, else 0    (5.8)
        if (mask == null || mask.length != dout.rows || mask[0].length != dout.cols) {
            throw new IllegalStateException("Relu.backward: dout is " + dout.shape()
                    + " but forward was " + (mask == null ? "not called" : "given " + mask.length + "x" + mask[0].length));
        }
        Matrix dx = new Matrix(dout.rows, dout.cols);
        for (int i = 0; i < dout.rows; i++) {
            double[] di = dout.data[i], dxi = dx.data[i];
            boolean[] mi = mask[i];
            for (int j = 0; j < dout.cols; j++) {
                dxi[j] = mi[j] ? 0.0 : di[j];
            }
        }
        return dx;
    }
}
