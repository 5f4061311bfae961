package dlfs.layers;

import dlfs.functions.Functions;
import dlfs.matrix.Matrix;

/** Sigmoid layer: out = 1 / (1 + exp(−x)). Book §5.5.2, eq. (5.12); port of common/layers.py {@code Sigmoid}. */
public final class Sigmoid extends NamedLayer implements Layer {
    private Matrix out;   // forward cache: out (N,H)

    @Override
    public Matrix forward(Matrix x) {
        out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = Functions.sigmoid(xi[j]);
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix dout) {                  // dx = dout * (1.0 - out) * out    (5.12)
        requireForward(out, dout);
        Matrix dx = new Matrix(dout.rows, dout.cols);
        for (int i = 0; i < dout.rows; i++) {
            double[] di = dout.data[i], yi = out.data[i], dxi = dx.data[i];
            for (int j = 0; j < dout.cols; j++) {
                dxi[j] = di[j] * (1.0 - yi[j]) * yi[j];
            }
        }
        return dx;
    }

    /** "Sigmoid1 (Xavier); last out 128x100". */
    @Override
    public String toString() {
        return title() + "; last out " + shapeOf(out);
    }
}
