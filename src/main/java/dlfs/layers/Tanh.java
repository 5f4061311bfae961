package dlfs.layers;

import dlfs.matrix.Matrix;

/**
 * Tanh layer: out = tanh(x), the activation of the book's §6.2.2 tanh experiment. The book has no Tanh
 * layer; its derivative is d tanh(x)/dx = 1 − tanh²(x), so backward caches out as Sigmoid does.
 */
public final class Tanh extends NamedLayer implements Layer {
    private Matrix out;   // forward cache: out (N,H)

    @Override
    public Matrix forward(Matrix x) {
        out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = Math.tanh(xi[j]);
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix dout) {                  // dx = dout · (1 − y²)
        requireForward(out, dout);
        Matrix dx = new Matrix(dout.rows, dout.cols);
        for (int i = 0; i < dout.rows; i++) {
            double[] di = dout.data[i], yi = out.data[i], dxi = dx.data[i];
            for (int j = 0; j < dout.cols; j++) {
                dxi[j] = di[j] * (1.0 - yi[j] * yi[j]);
            }
        }
        return dx;
    }

    /** "Tanh1; last out 128x100". */
    @Override
    public String toString() {
        return title() + "; last out " + shapeOf(out);
    }
}
