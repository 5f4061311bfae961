package dlfs.layers;

import dlfs.matrix.Matrix;

/** ReLU layer: out = max(0, x). Book §5.5.1, eq. (5.7)–(5.8); port of common/layers.py {@code Relu}. */
public final class Relu implements Layer {
    private Matrix out;   // forward cache: out = max(0, x); the book's mask (x <= 0) is exactly out == 0

    @Override
    public Matrix forward(Matrix x) {
        out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = Math.max(0.0, xi[j]);      // 0 where x <= 0; a NaN stays NaN, as in the book
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix dout) {                  // dx = dout where x > 0, else 0    (5.8)
        if (out == null || out.rows != dout.rows || out.cols != dout.cols) {
            throw new IllegalStateException("Relu.backward: dout is " + dout.shape()
                    + " but forward was " + (out == null ? "not called" : "given " + out.shape()));
        }
        Matrix dx = new Matrix(dout.rows, dout.cols);
        for (int i = 0; i < dout.rows; i++) {
            double[] di = dout.data[i], dxi = dx.data[i], oi = out.data[i];
            for (int j = 0; j < dout.cols; j++) {
                dxi[j] = oi[j] == 0 ? 0.0 : di[j];     // mask = (out == 0), i.e. x <= 0
            }
        }
        return dx;
    }
}
