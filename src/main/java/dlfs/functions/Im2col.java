package dlfs.functions;

import dlfs.matrix.Matrix;
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
     * (N, C, H, W) → col (N·out_h·out_w, C·filterH·filterW). The book pads the images with zeros
     * ({@code np.pad}) and copies one slice per filter place (y, x); we fill each row of col in turn, reading 0
     * where the window reaches into the padding.
     */
    public static Matrix im2col(Tensor4 inputData, int filterH, int filterW, int stride, int pad) {
        return im2col(inputData, filterH, filterW, stride, pad, null);
    }

    /**
     * im2col written into {@code col} if it has the shape, else into a new matrix; returns the one written. A
     * layer hands back the col of its previous batch, so that training does not make 57 600 new rows a step.
     */
    public static Matrix im2col(Tensor4 inputData, int filterH, int filterW, int stride, int pad, Matrix col) {
        int N = inputData.N, C = inputData.C, H = inputData.H, W = inputData.W;
        int outH = outputSize(H, filterH, stride, pad);
        int outW = outputSize(W, filterW, stride, pad);
        if (col == null || col.rows != N * outH * outW || col.cols != C * filterH * filterW) {
            col = new Matrix(N * outH * outW, C * filterH * filterW);
        }
        for (int n = 0; n < N; n++) {
            double[] img = inputData.data[n];                              // image n, (C, H, W)
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    double[] row = col.data[(n * outH + oh) * outW + ow];  // the window at (oh, ow)
                    int k = 0;                                             // column (c, fh, 0) of col
                    for (int c = 0; c < C; c++) {
                        for (int fh = 0; fh < filterH; fh++, k += filterW) {
                            copyRun(img, c, oh * stride + fh - pad, ow * stride - pad, H, W, row, k, filterW);
                        }
                    }
                }
            }
        }
        return col;
    }

    /**
     * row[k .. k + filterW) = image channel c, row h, columns w0 .. w0 + filterW − 1: one row of a window, with
     * zeros where it lies in the padding.
     */
    private static void copyRun(double[] img, int c, int h, int w0, int H, int W, double[] row, int k, int filterW) {
        if (h < 0 || h >= H) {
            Arrays.fill(row, k, k + filterW, 0.0);
            return;
        }
        int base = (c * H + h) * W;
        if (w0 >= 0 && w0 + filterW <= W) {                                // the whole run inside the image
            for (int fw = 0; fw < filterW; fw++) {
                row[k + fw] = img[base + w0 + fw];
            }
            return;
        }
        for (int fw = 0; fw < filterW; fw++) {
            int w = w0 + fw;
            row[k + fw] = w >= 0 && w < W ? img[base + w] : 0;
        }
    }

    /**
     * col (N·out_h·out_w, C·filterH·filterW) → an (N, C, H, W) array in which every pixel is the sum of the
     * entries of col that im2col copied from it. The entries are added in the book's order (filter place fh, then
     * fw, ascending), starting from 0, so each pixel is the same sum of the same numbers as numpy's.
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
        for (int n = 0; n < N; n++) {
            double[] im = img.data[n];
            for (int c = 0; c < C; c++) {
                for (int fh = 0; fh < filterH; fh++) {
                    for (int fw = 0; fw < filterW; fw++) {
                        int k = (c * filterH + fh) * filterW + fw;         // column (c, fh, fw) of col
                        for (int oh = 0; oh < outH; oh++) {
                            int h = oh * stride + fh - pad;
                            if (h < 0 || h >= H) {
                                continue;                                  // the padding, cut off by the book
                            }
                            for (int ow = 0; ow < outW; ow++) {
                                int w = ow * stride + fw - pad;
                                if (w >= 0 && w < W) {
                                    // img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]
                                    im[(c * H + h) * W + w] += col.data[(n * outH + oh) * outW + ow][k];
                                }
                            }
                        }
                    }
                }
            }
        }
        return img;
    }
}
