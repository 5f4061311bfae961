package dlfs.layers;

import dlfs.functions.Im2col;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Tensor4;
import java.util.Arrays;

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
     * True for a network's first layer, whose x is the input images: nobody reads its dx, so backward skips that
     * product and col2im and returns null (as {@link Affine#dxUnused}). The book computes it.
     */
    public boolean dxUnused;
    private Tensor4 x;         // forward cache: x (N, C, H, W)
    private Matrix col;        // forward cache: im2col(x), (N·out_h·out_w, C·FH·FW)
    private Matrix colW;       // forward cache: W.reshape(FN, -1).T, (C·FH·FW, FN)
    private Matrix doutT;      // backward's (FN, N·out_h·out_w), kept for the next batch as col is

    public Convolution(Tensor4 W, Matrix b, int stride, int pad) {
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

        col = Im2col.im2col(x, FH, FW, stride, pad, col);            // (N·out_h·out_w, C·FH·FW), last batch's rows
        colW = transpose(W.matrix());                                // W.reshape(FN, -1).T: (C·FH·FW, FN)
        this.x = x;
        // out = np.dot(col, col_W) + b; out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2): computed image by
        // image (rows n·area … of col, the same sums), so each image's (area, FN) block is turned into its
        // (FN, out_h, out_w) while it is in the cache
        Tensor4 out = new Tensor4(N, FN, outH, outW);
        int area = outH * outW;
        for (int n = 0; n < N; n++) {
            Matrix outN = MatMul.dot(new Matrix(Arrays.copyOfRange(col.data, n * area, (n + 1) * area)), colW);
            double[] o = out.data[n], bias = b.data[0];
            for (int p = 0; p < area; p++) {                         // p = oh·out_w + ow
                double[] row = outN.data[p];
                for (int f = 0; f < FN; f++) {
                    o[f * area + p] = row[f] + bias[f];
                }
            }
        }
        return out;
    }

    /** dout (N, FN, out_h, out_w) → dx (N, C, H, W); writes dW and db. dout is not changed. */
    public Tensor4 backward(Tensor4 dout) {
        if (col == null) {
            throw new IllegalStateException(name() + ".backward: call forward first");
        }
        int FN = W.N, area = dout.H * dout.W;
        if (dout.N * area != col.rows || dout.C != FN) {
            throw new IllegalArgumentException(name() + ".backward: dout is " + dout.shape() + " but forward gave "
                    + x.N + "x" + FN + "x" + col.rows / x.N + " (N x FN x out_h*out_w)");
        }
        // dout.transpose(0, 2, 3, 1).reshape(-1, FN) is (N·out_h·out_w, FN); we write its transpose doutT
        // (FN, N·out_h·out_w), whose row f is filter f's gradient image after image
        if (doutT == null || doutT.cols != col.rows) {
            doutT = new Matrix(FN, col.rows);
        }
        for (int n = 0; n < dout.N; n++) {
            for (int f = 0; f < FN; f++) {
                System.arraycopy(dout.data[n], f * area, doutT.data[f], n * area, area);
            }
        }
        sumRows(doutT, db.data[0]);                                  // db = np.sum(dout, axis=0)
        // dW = np.dot(col.T, dout).transpose(1, 0).reshape(FN, C, FH, FW), computed as doutT · col: the same sums
        Matrix dWT = MatMul.dot(doutT, col);                         // (FN, C·FH·FW)
        for (int f = 0; f < FN; f++) {
            System.arraycopy(dWT.data[f], 0, dW.data[f], 0, dWT.cols);
        }
        if (dxUnused) {
            return null;
        }
        Matrix dcol = MatMul.dot(transpose(doutT), W.matrix());      // np.dot(dout, col_W.T): (N·out_h·out_w, C·FH·FW)
        return Im2col.col2im(dcol, x.dims(), W.H, W.W, stride, pad);
    }

    /**
     * sum[f] = row f of a added up in order: np.sum(dout, axis=0), where numpy adds the rows of dout (the columns of
     * a) in order. Four rows at a time, four sums side by side (one sum alone waits for each addition to finish).
     */
    private static void sumRows(Matrix a, double[] sum) {
        int f = 0;
        for (; f + 3 < a.rows; f += 4) {
            double[] d0 = a.data[f], d1 = a.data[f + 1], d2 = a.data[f + 2], d3 = a.data[f + 3];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < a.cols; i++) {
                s0 += d0[i];
                s1 += d1[i];
                s2 += d2[i];
                s3 += d3[i];
            }
            sum[f] = s0;
            sum[f + 1] = s1;
            sum[f + 2] = s2;
            sum[f + 3] = s3;
        }
        for (; f < a.rows; f++) {
            double s0 = 0;
            for (double v : a.data[f]) {
                s0 += v;
            }
            sum[f] = s0;
        }
    }

    /** aᵀ as a new matrix. */
    private static Matrix transpose(Matrix a) {
        Matrix t = new Matrix(a.cols, a.rows);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                t.data[j][i] = a.data[i][j];
            }
        }
        return t;
    }

    /** "Conv1 W 30x1x5x5, b 1x30, stride 1, pad 0; last x 100x1x28x28, col 57600x25". */
    @Override
    public String toString() {
        return title() + " W " + W.shape() + ", b " + b.shape() + ", stride " + stride + ", pad " + pad + "; last x "
                + (x == null ? "none" : x.shape() + ", col " + col.shape());
    }
}
