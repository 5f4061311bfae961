package dlfs.functions;

import dlfs.matrix.Matrix;
import dlfs.matrix.Parallel;
import dlfs.matrix.Tensor4;
import java.util.Arrays;

/**
 * im2col and col2im, which turn a convolution into one matrix product (book §7.4.3, figures 7-17 to 7-19); port
 * of common/util.py {@code im2col}, {@code col2im} and {@code conv_output_size}.
 *
 * <p>Row (n, oh, ow) of col, at {@code (n·out_h + oh)·out_w + ow}, is the window that filter position (oh, ow)
 * sees in image n; column (c, fh, fw), at {@code (c·FH + fh)·FW + fw}, is one place in that window: the value
 * {@code x[n, c, oh·stride + fh − pad, ow·stride + fw − pad]}, or 0 in the padding. col2im goes back: it adds
 * every entry of a col-shaped array into the pixel it was copied from. It adds ({@code +=}) where im2col copies,
 * because windows overlap, so one pixel appears in several rows of col and its gradient is the sum of theirs:
 * col2im is the transpose of im2col, ⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩ for every x and y.
 */
public final class Im2col {
    private Im2col() {
    }

    /** The book's {@code conv_output_size}: (inputSize + 2·pad − filterSize) / stride + 1, eq. (7.1). */
    public static int outputSize(int inputSize, int filterSize, int stride, int pad) {
        if (stride < 1 || pad < 0 || inputSize + 2 * pad < filterSize) {
            throw new IllegalArgumentException("conv_output_size: input " + inputSize + ", filter " + filterSize
                    + ", stride " + stride + ", pad " + pad + " (need stride >= 1, pad >= 0 and input + 2*pad >= filter)");
        }
        return (inputSize + 2 * pad - filterSize) / stride + 1;
    }

    /**
     * (N, C, H, W) → col (N·out_h·out_w, C·filterH·filterW). As the book, one filter place (y, x) at a time:
     * {@code col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]}, column (c, y, x) of every row of
     * the image. The book pads the images with zeros ({@code np.pad}); here col starts as zeros and the places in
     * the padding are not written. A wide filter (5×5 in §7.5) goes row by row instead, each window's filter rows
     * copied in turn, which writes one row of col at a time ({@link #windowsByRow}); a column at a time writes
     * every row of the image's block once per column, which costs more than the copying when the block is larger
     * than the cache nearest the core. Image by image, shared with the worker threads ({@link Parallel}: each
     * image whole on one thread).
     */
    public static Matrix im2col(Tensor4 inputData, int filterH, int filterW, int stride, int pad) {
        int N = inputData.N, C = inputData.C, H = inputData.H, W = inputData.W;
        int outH = outputSize(H, filterH, stride, pad);
        int outW = outputSize(W, filterW, stride, pad);
        Matrix col = new Matrix(N * outH * outW, C * filterH * filterW);
        Parallel.forEach(N, (long) col.rows * col.cols, (from, to) -> {
            for (int n = from; n < to; n++) {
                double[][] rows = Arrays.copyOfRange(col.data, n * outH * outW, (n + 1) * outH * outW);
                if (filterW >= 4) {
                    windowsByRow(inputData.data[n], rows, C, H, W, filterH, filterW, stride, pad, outW, false);
                } else {
                    im2col(inputData.data[n], rows, C, H, W, filterH, filterW, stride, pad, outH, outW);
                }
            }
        });
        return col;
    }

    /** Image n of im2col: img (C, H, W) into its out_h·out_w rows of col, column (c, y, x) at a time. */
    private static void im2col(double[] img, double[][] rows, int C, int H, int W, int filterH, int filterW,
                               int stride, int pad, int outH, int outW) {
        for (int c = 0; c < C; c++) {
            for (int y = 0; y < filterH; y++) {
                for (int x = 0; x < filterW; x++) {
                    int k = (c * filterH + y) * filterW + x;               // column (c, y, x) of col
                    // the windows whose place (y, x) is inside the image: h = oh·stride + y − pad in 0 .. H − 1
                    int ow0 = firstInside(x - pad, stride), ow1 = Math.min(outW, lastInside(x - pad, stride, W));
                    for (int oh = 0; oh < outH; oh++) {
                        int h = oh * stride + y - pad;
                        if (h < 0 || h >= H) {
                            continue;                                      // the padding: 0
                        }
                        int from = (c * H + h) * W + x - pad;              // img[c, h, ow·stride + x − pad]
                        for (int ow = ow0; ow < ow1; ow++) {
                            rows[oh * outW + ow][k] = img[from + ow * stride];
                        }
                    }
                }
            }
        }
    }

    /**
     * Image n of im2col (add false) or of col2im (add true), row after row: row (oh, ow) of col is the window's
     * filter rows (c, y), each filterW values. col2im goes from the last row to the first, so each pixel still gets
     * its entries in the book's order: place (y, x) of window (oh, ow) covers pixel (oh·stride + y − pad,
     * ow·stride + x − pad), so for one pixel y and x ascend as oh and ow descend.
     */
    private static void windowsByRow(double[] img, double[][] rows, int C, int H, int W, int filterH, int filterW,
                                     int stride, int pad, int outW, boolean add) {
        for (int i = 0; i < rows.length; i++) {
            int r = add ? rows.length - 1 - i : i;
            double[] row = rows[r];
            int h0 = r / outW * stride - pad, w0 = r % outW * stride - pad;     // the window's top left corner
            boolean inside = h0 >= 0 && w0 >= 0 && h0 + filterH <= H && w0 + filterW <= W;
            for (int c = 0, k = 0; c < C; c++) {
                for (int y = 0; y < filterH; y++, k += filterW) {
                    int h = h0 + y, at = (c * H + h) * W + w0;                  // img[c, h, w0 …]
                    for (int x = 0; x < filterW; x++) {
                        int w = w0 + x;
                        if (!inside && (h < 0 || h >= H || w < 0 || w >= W)) {
                            continue;                                           // the padding: 0, or cut off
                        }
                        if (add) {
                            img[at + x] += row[k + x];                          // col2im
                        } else {
                            row[k + x] = img[at + x];                           // im2col
                        }
                    }
                }
            }
        }
    }

    /** The first ow with ow·stride + offset >= 0. */
    private static int firstInside(int offset, int stride) {
        return offset >= 0 ? 0 : (-offset + stride - 1) / stride;
    }

    /** One past the last ow with ow·stride + offset < W. */
    private static int lastInside(int offset, int stride, int W) {
        return W - offset <= 0 ? 0 : (W - offset - 1) / stride + 1;
    }

    /**
     * col (N·out_h·out_w, C·filterH·filterW) → an (N, C, H, W) array in which every pixel is the sum of the
     * entries of col that im2col copied from it. The entries are added in the book's order (filter place y, then
     * x, ascending), starting from 0, so each pixel is the same sum of the same numbers as numpy's. Image by image
     * on the worker threads, as im2col, each image's rows read from the last ({@link #windowsByRow}).
     */
    public static Tensor4 col2im(Matrix col, int[] inputShape, int filterH, int filterW, int stride, int pad) {
        int N = inputShape[0], C = inputShape[1], H = inputShape[2], W = inputShape[3];
        int outH = outputSize(H, filterH, stride, pad);
        int outW = outputSize(W, filterW, stride, pad);
        if (col.rows != N * outH * outW || col.cols != C * filterH * filterW) {
            throw new IllegalArgumentException("col2im: col is " + col.shape() + " but input " + N + "x" + C + "x" + H
                    + "x" + W + " with a " + filterH + "x" + filterW + " filter, stride " + stride + ", pad " + pad
                    + " needs " + N * outH * outW + "x" + C * filterH * filterW);
        }
        Tensor4 img = new Tensor4(N, C, H, W);
        Parallel.forEach(N, (long) col.rows * col.cols, (from, to) -> {
            for (int n = from; n < to; n++) {
                double[][] rows = Arrays.copyOfRange(col.data, n * outH * outW, (n + 1) * outH * outW);
                windowsByRow(img.data[n], rows, C, H, W, filterH, filterW, stride, pad, outW, true);
            }
        });
        return img;
    }
}
