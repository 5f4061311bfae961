package dlfs.layers;

import dlfs.functions.Functions;
import dlfs.functions.Labels;
import dlfs.matrix.Matrix;

/**
 * Softmax followed by the cross-entropy error, the output layer of every network in the book.
 * Book §5.6.3 and Appendix A; port of common/layers.py {@code SoftmaxWithLoss}. Labels are class indices
 * ({@code int[]}); one-hot rows ({@code Matrix}) are turned into indices first, as the book's
 * {@code cross_entropy_error} does, which gives the same loss and the same dx for one-hot labels.
 */
public final class SoftmaxWithLoss extends NamedLayer {
    public double loss;
    private Matrix y;     // forward cache: softmax output (N,C)
    private int[] t;      // forward cache: the labels, as class indices (N)

    /** Loss for class-index labels t (one per row of x, each in 0..C-1). */
    public double forward(Matrix x, int[] t) {
        Labels.check(name(), x, t);
        this.t = t;
        this.y = Functions.softmax(x);
        this.loss = Functions.crossEntropyError(y, t);
        return loss;
    }

    /** Loss for one-hot labels t (N,C). */
    public double forward(Matrix x, Matrix t) {
        x.requireSameShape(name() + ": x and one-hot t", t);
        return forward(x, Labels.fromOneHot(t));
    }

    /**
     * dx = (y − t) / batch_size: the gradient of the mean loss with respect to the scores x (book §5.6.3,
     * Figure 5-29; derived in Appendix A). As the book: {@code dx = y.copy(); dx[arange, t] -= 1; dx / batch_size}.
     */
    public Matrix backward() {
        requireForward(y != null, t == null ? 0 : t.length, 0, null);     // no dout: dL/dL = 1
        int batchSize = t.length;
        Matrix dx = y.copy();
        for (int n = 0; n < batchSize; n++) {
            double[] dxn = dx.data[n];
            dxn[t[n]] -= 1.0;
            for (int k = 0; k < dxn.length; k++) {
                dxn[k] /= batchSize;
            }
        }
        return dx;
    }

    /** "SoftmaxWithLoss (He) loss=2.3026; last y 128x10". */
    @Override
    public String toString() {
        return title() + (y == null ? "; no forward yet" : " loss=" + loss + "; last y " + y.shape());
    }
}
