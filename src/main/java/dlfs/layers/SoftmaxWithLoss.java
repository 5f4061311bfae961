package dlfs.layers;

import dlfs.functions.Functions;
import dlfs.functions.Labels;
import dlfs.matrix.Matrix;

/**
 * Softmax followed by the cross-entropy error, the output layer of every network in the book.
 * Book §5.6.3 and Appendix A; port of common/layers.py {@code SoftmaxWithLoss}. Labels are class indices
 * ({@code int[]}) or one-hot rows ({@code Matrix}), as the book's {@code t} may be either.
 */
public final class SoftmaxWithLoss {
    public double loss;
    private Matrix y;          // forward cache: softmax output (N,C)
    private int[] tIndex;      // forward cache: class-index labels, or
    private Matrix tOneHot;    //                one-hot labels (N,C)

    /** Loss for class-index labels t (one per row of x, each in 0..C-1). */
    public double forward(Matrix x, int[] t) {
        Labels.check("SoftmaxWithLoss", x, t);
        this.tIndex = t;
        this.tOneHot = null;
        this.y = Functions.softmax(x);
        this.loss = Functions.crossEntropyError(y, t);
        return loss;
    }

    /** Loss for one-hot labels t (N,C). */
    public double forward(Matrix x, Matrix t) {
        x.requireSameShape("SoftmaxWithLoss: x and one-hot t", t);
        this.tIndex = null;
        this.tOneHot = t;
        this.y = Functions.softmax(x);
        this.loss = Functions.crossEntropyError(y, t);
        return loss;
    }

    /** dx = (y − t) / N: the gradient of the mean loss with respect to the scores x (book §5.6.3, Figure 5-29; derived in Appendix A). */
    public Matrix backward() {
        if (y == null) {
            throw new IllegalStateException("SoftmaxWithLoss.backward: call forward first");
        }
        int batchSize = y.rows;
        Matrix dx = y.copy();
        for (int n = 0; n < batchSize; n++) {
            double[] dxn = dx.data[n];
            if (tIndex != null) {
                dxn[tIndex[n]] -= 1.0;
            } else {
                double[] tn = tOneHot.data[n];
                for (int k = 0; k < dxn.length; k++) {
                    dxn[k] -= tn[k];
                }
            }
            for (int k = 0; k < dxn.length; k++) {
                dxn[k] /= batchSize;
            }
        }
        return dx;
    }

    /** The softmax output of the last forward pass. */
    public Matrix y() {
        return y;
    }
}
