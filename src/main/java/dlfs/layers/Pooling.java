package dlfs.layers;

import dlfs.functions.Im2col;
import dlfs.matrix.Matrix;
import dlfs.matrix.Tensor4;

/**
 * Max pooling: the largest value of each pool_h×pool_w window, channel by channel. Book §7.3 and §7.4.4,
 * figures 7-14 and 7-21 to 7-22; port of common/layers.py {@code Pooling} (with the stride default 2 of the book's
 * repository since 2020, commit 77a0807; it was 1 before).
 */
public final class Pooling extends NamedLayer {
    public final int poolH;
    public final int poolW;
    public final int stride;
    public final int pad;
    private int[] xShape;      // forward cache: x.shape, (N, C, H, W)
    /**
     * Forward cache: np.argmax(col, axis=1), one per window and channel in the book's order (n, oh, ow, c): the
     * place (0 .. pool_h·pool_w − 1) of the window's largest value, where backward sends the window's gradient.
     */
    private int[] argMax;

    public Pooling(int poolH, int poolW, int stride, int pad) {
        if (poolH < 1 || poolW < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException("Pooling: pool " + poolH + "x" + poolW + ", stride " + stride + ", pad "
                    + pad + " (need pool sizes and stride >= 1, pad >= 0)");
        }
        this.poolH = poolH;
        this.poolW = poolW;
        this.stride = stride;
        this.pad = pad;
    }

    /** The book's defaults: stride 2, pad 0. */
    public Pooling(int poolH, int poolW) {
        this(poolH, poolW, 2, 0);
    }

    /**
     * x (N, C, H, W) → out (N, C, out_h, out_w). The book computes out_h = 1 + (H − pool_h) / stride, without
     * pad, while its im2col pads; with pad ≠ 0 the two disagree and its reshape fails. We take im2col's size
     * (padding zeros then take part in the max).
     */
    public Tensor4 forward(Tensor4 x) {
        int N = x.N, C = x.C;
        int outH = Im2col.outputSize(x.H, poolH, stride, pad);
        int outW = Im2col.outputSize(x.W, poolW, stride, pad);

        Matrix col = Im2col.im2col(x, poolH, poolW, stride, pad);   // (N·out_h·out_w, C·pool_h·pool_w)
        // col = col.reshape(-1, pool_h·pool_w), a row per window and channel, is each row of our col cut into C
        // runs of pool_h·pool_w values; numpy's reshape is a view, and so are these runs (no copy)
        int poolSize = poolH * poolW;
        int[] argMax = col.argmaxOfRuns(poolSize);                  // arg_max = np.argmax(col, axis=1)
        Matrix out = col.maxOfRuns(poolSize);                       // out = np.max(col, axis=1), seen as
                                                                    //    out.reshape(N·out_h·out_w, C)
        Tensor4 out4 = Tensor4.fromChannelsLast(out, N, outH, outW);    // out.reshape(N, out_h, out_w, C)
                                                                        //    .transpose(0, 3, 1, 2)
        xShape = x.dims();
        this.argMax = argMax;
        return out4;
    }

    /** dout (N, C, out_h, out_w) → dx (N, C, H, W): each window's gradient goes to the place of its maximum. */
    public Tensor4 backward(Tensor4 dout) {
        if (argMax == null) {
            throw new IllegalStateException(name() + ".backward: call forward first");
        }
        int N = xShape[0], C = xShape[1];
        if (dout.N != N || dout.C != C || (long) N * dout.H * dout.W * C != argMax.length) {
            throw new IllegalArgumentException(name() + ".backward: dout is " + dout.shape() + " but forward gave "
                    + N + "x" + C + "x" + argMax.length / (N * C) + " (N x C x out_h*out_w)");
        }
        double[] doutFlat = dout.channelsLast().flatten();          // dout = dout.transpose(0, 2, 3, 1)

        int poolSize = poolH * poolW;
        // dmax = np.zeros((dout.size, pool_size)), and dcol = dmax.reshape(N·out_h·out_w, -1) the same numbers
        // (numpy's reshape is a view): row i of dmax is run i % C of row i / C of dcol, as in forward
        Matrix dcol = new Matrix(N * dout.H * dout.W, C * poolSize);
        for (int i = 0; i < argMax.length; i++) {                   // dmax[np.arange(self.arg_max.size),
            dcol.data[i / C][i % C * poolSize + argMax[i]] = doutFlat[i];   //  self.arg_max.flatten()] = dout.flatten()
        }
        return Im2col.col2im(dcol, xShape, poolH, poolW, stride, pad);     // dx = col2im(dcol, self.x.shape, …)
    }

    /** "Pool1 2x2, stride 2, pad 0; last x 100x30x24x24". */
    @Override
    public String toString() {
        return title() + " " + poolH + "x" + poolW + ", stride " + stride + ", pad " + pad + "; last x "
                + (xShape == null ? "none" : xShape[0] + "x" + xShape[1] + "x" + xShape[2] + "x" + xShape[3]);
    }
}
