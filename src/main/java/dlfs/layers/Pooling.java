package dlfs.layers;

import dlfs.functions.Im2col;
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
     * x (N, C, H, W) → out (N, C, out_h, out_w). The book copies every window into col = im2col(x, …) and
     * reshapes it to one row per window and channel; we read each window straight from x, in the same order.
     * The book computes out_h = 1 + (H − pool_h) / stride, without pad, while its im2col pads; with pad ≠ 0 the
     * two disagree and its reshape fails. We take im2col's size (padding zeros then take part in the max).
     */
    public Tensor4 forward(Tensor4 x) {
        int N = x.N, C = x.C, H = x.H, W = x.W, poolH = this.poolH, poolW = this.poolW, stride = this.stride;
        int outH = Im2col.outputSize(H, poolH, stride, pad);
        int outW = Im2col.outputSize(W, poolW, stride, pad);
        int[] argMax = new int[N * outH * outW * C];
        this.argMax = argMax;
        Tensor4 out = new Tensor4(N, C, outH, outW);
        for (int n = 0; n < N; n++) {
            double[] img = x.data[n], o = out.data[n];
            for (int c = 0; c < C; c++) {
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        int r = ((n * outH + oh) * outW + ow) * C + c;      // the window's row of col
                        int h0 = oh * stride - pad, w0 = ow * stride - pad;  // the window's top left corner
                        int p = (c * outH + oh) * outW + ow;
                        if (h0 < 0 || w0 < 0 || h0 + poolH > H || w0 + poolW > W) {
                            maxExact(img, c, h0, w0, H, W, r, o, p);        // the window reaches into the padding
                            continue;
                        }
                        // arg_max = np.argmax(col, axis=1); out = np.max(col, axis=1): the first largest value.
                        // gt is 1 where v is larger, and best moves there by arithmetic, not by a branch, which
                        // would guess wrong for about every other window (measured 3 times slower); the book's
                        // 2x2 windows are written out, since a loop of two steps costs more than its work
                        int corner = (c * H + h0) * W + w0, best = 0, bestOffset = 0;
                        double max = img[corner];
                        if (poolH == 2 && poolW == 2) {
                            double v1 = img[corner + 1], v2 = img[corner + W], v3 = img[corner + W + 1];
                            int gt = v1 > max ? 1 : 0;
                            best = gt;
                            bestOffset = gt;
                            max = Math.max(max, v1);
                            gt = v2 > max ? 1 : 0;
                            best += gt * (2 - best);
                            bestOffset += gt * (W - bestOffset);
                            max = Math.max(max, v2);
                            gt = v3 > max ? 1 : 0;
                            best += gt * (3 - best);
                            bestOffset += gt * (W + 1 - bestOffset);
                            max = Math.max(max, v3);
                        } else {
                            for (int i = 0; i < poolH; i++) {
                                for (int j = 0; j < poolW; j++) {
                                    int offset = i * W + j;
                                    double v = img[corner + offset];
                                    int gt = v > max ? 1 : 0;
                                    best += gt * (i * poolW + j - best);
                                    bestOffset += gt * (offset - bestOffset);
                                    max = Math.max(max, v);
                                }
                            }
                        }
                        if (max != max) {                                   // a NaN, which numpy's argmax takes
                            maxExact(img, c, h0, w0, H, W, r, o, p);
                            continue;
                        }
                        argMax[r] = best;
                        o[p] = img[corner + bestOffset];
                    }
                }
            }
        }
        xShape = x.dims();
        return out;
    }

    /**
     * The max and argmax of the window at (h0, w0) of channel c, written to argMax[r] and o[p], with numpy's rules
     * for every case: zeros in the padding take part, and the first NaN counts as the largest value.
     */
    private void maxExact(double[] img, int c, int h0, int w0, int H, int W, int r, double[] o, int p) {
        int best = 0;
        double max = valueAt(img, c, h0, w0, H, W);
        for (int i = 0; i < poolH; i++) {
            for (int j = 0; j < poolW; j++) {
                double v = valueAt(img, c, h0 + i, w0 + j, H, W);
                if (v > max || v != v && max == max) {
                    max = v;
                    best = i * poolW + j;
                }
            }
        }
        argMax[r] = best;
        o[p] = max;
    }

    /** x[n, c, h, w] of the image img, or 0 in the padding. */
    private static double valueAt(double[] img, int c, int h, int w, int H, int W) {
        return h >= 0 && h < H && w >= 0 && w < W ? img[(c * H + h) * W + w] : 0;
    }

    /**
     * dout (N, C, out_h, out_w) → dx (N, C, H, W): each window's gradient goes to the place of its maximum. The
     * book writes it into dmax (one row per window and channel, zeros elsewhere) and adds that back with col2im;
     * we add each gradient straight into dx, in col2im's order (place i, j of the window outermost), so where
     * windows overlap (stride < pool size) a pixel's sum is added up in the book's order.
     */
    public Tensor4 backward(Tensor4 dout) {
        if (argMax == null) {
            throw new IllegalStateException(name() + ".backward: call forward first");
        }
        int N = xShape[0], C = xShape[1], H = xShape[2], W = xShape[3], outH = dout.H, outW = dout.W;
        if (dout.N != N || dout.C != C || (long) N * outH * outW * C != argMax.length) {
            throw new IllegalArgumentException(name() + ".backward: dout is " + dout.shape() + " but forward gave "
                    + N + "x" + C + "x" + argMax.length / (N * C) + " (N x C x out_h*out_w)");
        }
        Tensor4 dx = new Tensor4(N, C, H, W);
        boolean overlap = stride < poolH || stride < poolW;
        for (int n = 0; n < N; n++) {
            double[] d = dout.data[n], im = dx.data[n];
            for (int c = 0; c < C; c++) {
                if (overlap) {
                    addInCol2imOrder(d, im, n, c, outH, outW, H, W);
                    continue;
                }
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        // dmax[r, arg_max[r]] = dout[r]: only the window's maximum gets its gradient
                        int best = argMax[((n * outH + oh) * outW + ow) * C + c];
                        int h = oh * stride - pad + best / poolW, w = ow * stride - pad + best % poolW;
                        if (h >= 0 && h < H && w >= 0 && w < W) {
                            im[(c * H + h) * W + w] += d[(c * outH + oh) * outW + ow];
                        }
                    }
                }
            }
        }
        return dx;
    }

    /**
     * Overlapping windows: channel c's gradients added in col2im's order, place (i, j) of the window outermost, so
     * that a pixel in several windows gets its sum in the book's order.
     */
    private void addInCol2imOrder(double[] d, double[] im, int n, int c, int outH, int outW, int H, int W) {
        int C = im.length / (H * W);
        for (int i = 0; i < poolH; i++) {
            for (int j = 0; j < poolW; j++) {
                for (int oh = 0; oh < outH; oh++) {
                    int h = oh * stride + i - pad;
                    for (int ow = 0; ow < outW; ow++) {
                        int w = ow * stride + j - pad;
                        if (argMax[((n * outH + oh) * outW + ow) * C + c] == i * poolW + j
                                && h >= 0 && h < H && w >= 0 && w < W) {
                            im[(c * H + h) * W + w] += d[(c * outH + oh) * outW + ow];
                        }
                    }
                }
            }
        }
    }

    /** "Pool1 2x2, stride 2, pad 0; last x 100x30x24x24". */
    @Override
    public String toString() {
        return title() + " " + poolH + "x" + poolW + ", stride " + stride + ", pad " + pad + "; last x "
                + (xShape == null ? "none" : xShape[0] + "x" + xShape[1] + "x" + xShape[2] + "x" + xShape[3]);
    }
}
