package dlfs.layers;

import dlfs.functions.Im2col;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Tensor4;

/**
 * Convolution layer: FN filters of (C, FH, FW) slid over (N, C, H, W) images, computed as a matrix product of
 * im2col's windows with the filters. Book §7.2 and §7.4.3 (figure 7-19); port of common/layers.py
 * {@code Convolution}.
 */
public final class Convolution extends NamedLayer {
    public final Tensor4 W;    // (FN, C, FH, FW) parameter; W.matrix() is the (FN, C·FH·FW) the optimizer updates
    public final Matrix b;     // (1, FN) parameter
    public final int stride;
    public final int pad;
    public final Tensor4 dW;   // (FN, C, FH, FW) gradient, written by backward
    public final Matrix db;    // (1, FN) gradient, written by backward
    /**
     * False for a network's first layer, whose x is the input images: nobody reads its dx, so backward skips
     * np.dot(dout, col_W.T) and col2im and returns null (as {@link Affine#computeDx}). The book computes it.
     */
    public final boolean computeDx;
    private Tensor4 x;         // forward cache: x (N, C, H, W)
    private Matrix col;        // forward cache: im2col(x), (N·out_h·out_w, C·FH·FW)
    private Matrix colW;       // forward cache: W.reshape(FN, -1).T, (C·FH·FW, FN)

    /** A Convolution layer whose backward returns dx, as the book's. */
    public Convolution(Tensor4 W, Matrix b, int stride, int pad) {
        this(W, b, stride, pad, true);
    }

    /** With {@code computeDx} false, backward computes dW and db only and returns null (a network's first layer). */
    public Convolution(Tensor4 W, Matrix b, int stride, int pad, boolean computeDx) {
        if (b.rows != 1 || b.cols != W.N) {
            throw new IllegalArgumentException("Convolution: W is " + W.shape() + " but b is " + b.shape()
                    + " (b must be 1x" + W.N + ", one per filter)");
        }
        if (stride < 1 || pad < 0) {
            throw new IllegalArgumentException("Convolution: stride " + stride + ", pad " + pad
                    + " (need stride >= 1, pad >= 0)");
        }
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
        this.dW = new Tensor4(W.N, W.C, W.H, W.W);
        this.db = new Matrix(1, W.N);
        this.computeDx = computeDx;
    }

    /** The book's defaults: stride 1, pad 0. */
    public Convolution(Tensor4 W, Matrix b) {
        this(W, b, 1, 0);
    }

    /** x (N, C, H, W) → out (N, FN, out_h, out_w). */
    public Tensor4 forward(Tensor4 x) {
        int FN = W.N, C = W.C, FH = W.H, FW = W.W;                  // FN, C, FH, FW = self.W.shape
        if (x.C != C) {
            throw new IllegalArgumentException(name() + ".forward: x is " + x.shape() + " but W is " + W.shape()
                    + " (x must have " + C + " channels, one per channel of the filters)");
        }
        int N = x.N;
        int outH = Im2col.outputSize(x.H, FH, stride, pad);          // 1 + (H + 2·pad − FH) / stride
        int outW = Im2col.outputSize(x.W, FW, stride, pad);

        Matrix col = Im2col.im2col(x, FH, FW, stride, pad);          // (N·out_h·out_w, C·FH·FW)
        Matrix colW = MatMul.transpose(W.matrix());                  // col_W = W.reshape(FN, -1).T: (C·FH·FW, FN)
        Matrix out = MatMul.dot(col, colW).addRowVectorInPlace(b);   // out = np.dot(col, col_W) + self.b
        Tensor4 out4 = Tensor4.fromChannelsLast(out, N, outH, outW); // out.reshape(N, out_h, out_w, -1)
                                                                     //    .transpose(0, 3, 1, 2)
        this.x = x;
        this.col = col;
        this.colW = colW;
        return out4;
    }

    /** dout (N, FN, out_h, out_w) → dx (N, C, H, W), or null without computeDx; writes dW and db. */
    public Tensor4 backward(Tensor4 dout) {
        if (col == null) {
            throw new IllegalStateException(name() + ".backward: call forward first");
        }
        int FN = W.N, FH = W.H, FW = W.W;
        if (dout.N * dout.H * dout.W != col.rows || dout.C != FN) {
            throw new IllegalArgumentException(name() + ".backward: dout is " + dout.shape() + " but forward gave "
                    + x.N + "x" + FN + "x" + col.rows / x.N + " (N x FN x out_h*out_w)");
        }
        Matrix doutM = dout.channelsLast();                          // dout.transpose(0,2,3,1).reshape(-1, FN)
        doutM.sumColumnsInto(db);                                    // db = np.sum(dout, axis=0)
        Matrix dWcol = MatMul.dotTransA(col, doutM);                 // dW = np.dot(self.col.T, dout): (C·FH·FW, FN)
        dW.matrix().copyFrom(MatMul.transpose(dWcol));               // dW.transpose(1, 0).reshape(FN, C, FH, FW)
        if (!computeDx) {
            return null;
        }
        Matrix dcol = MatMul.dotTransB(doutM, colW);                 // dcol = np.dot(dout, self.col_W.T)
        return Im2col.col2im(dcol, x.dims(), FH, FW, stride, pad);   // dx = col2im(dcol, self.x.shape, …)
    }

    /** "Conv1 W 30x1x5x5, b 1x30, stride 1, pad 0; last x 100x1x28x28, col 57600x25". */
    @Override
    public String toString() {
        return title() + " W " + W.shape() + ", b " + b.shape() + ", stride " + stride + ", pad " + pad + "; last x "
                + (x == null ? "none" : x.shape() + ", col " + col.shape())
                + (computeDx ? "" : "; no dx (first layer)");
    }
}
