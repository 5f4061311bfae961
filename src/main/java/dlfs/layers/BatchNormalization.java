package dlfs.layers;

import static dlfs.layers.NumpyOps.*;

import dlfs.matrix.Matrix;

/**
 * Batch normalization: each column of x is normalized over the mini-batch, then scaled by γ and shifted by β.
 * Book §6.3.1–6.3.2, eq. (6.7)–(6.8), figure 6-17 (backward through the computation graph); port of
 * common/layers.py {@code BatchNormalization}, for 2-D input (N, D) only (the book also reshapes 4-D input).
 * Every line is the book's expression in the book's order, so the doubles are numpy's.
 *
 * <p>Training mode uses the batch's mean and variance and updates the running averages; test mode uses the
 * running averages, which start at zero as in the book.
 */
public final class BatchNormalization extends NamedLayer implements Layer {
    /** The book writes {@code 10e-7}, which is 1e-6 (not 1e-7); kept so numbers match. */
    public static final double EPS = 10e-7;

    public final Matrix gamma;        // (1,D) parameter, shared with the network's params
    public final Matrix beta;         // (1,D) parameter
    public final Matrix dgamma;       // (1,D) gradient, written by backward
    public final Matrix dbeta;        // (1,D) gradient
    public final double momentum;
    public final Matrix runningMean;  // (1,D), used at test time
    public final Matrix runningVar;   // (1,D)
    private int batchSize;            // forward cache (training mode)
    private Matrix xc;                // x − mu            (N,D)
    private Matrix xn;                // xc / std          (N,D)
    private double[] std;             // √(var + ε)        (D)

    /** The book's default momentum 0.9. */
    public BatchNormalization(Matrix gamma, Matrix beta) {
        this(gamma, beta, 0.9);
    }

    public BatchNormalization(Matrix gamma, Matrix beta, double momentum) {
        if (gamma.rows != 1 || !gamma.sameShape(beta)) {
            throw new IllegalArgumentException("BatchNormalization: gamma is " + gamma.shape() + " but beta is "
                    + beta.shape() + " (both must be 1xD)");
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNormalization: momentum=" + momentum + " must be in [0, 1]");
        }
        this.gamma = gamma;
        this.beta = beta;
        this.dgamma = new Matrix(1, gamma.cols);
        this.dbeta = new Matrix(1, gamma.cols);
        this.momentum = momentum;
        this.runningMean = new Matrix(1, gamma.cols);
        this.runningVar = new Matrix(1, gamma.cols);
    }

    /** Training mode, as the book's default {@code train_flg=True}. */
    @Override
    public Matrix forward(Matrix x) {
        return forward(x, true);
    }

    @Override
    public Matrix forward(Matrix x, boolean trainFlg) {         // x (N,D) -> out (N,D)
        if (x.cols != gamma.cols) {
            throw new IllegalArgumentException(name() + ".forward: x is " + x.shape() + " but gamma is "
                    + gamma.shape() + " (x.cols must equal gamma.cols)");
        }
        if (!trainFlg) {
            Matrix xc = subtractRow(x, runningMean.data[0]);                  // xc = x - running_mean
            return out(divideRow(xc, sqrtPlus(runningVar.data[0], EPS)));   // xn = xc / np.sqrt(running_var + 10e-7)
        }
        double[] mu = meanAxis0(x);                                   // mu = x.mean(axis=0)          (6.7)
        Matrix xc = subtractRow(x, mu);                               // xc = x - mu
        double[] var = meanAxis0(multiply(xc, xc));                   // var = np.mean(xc**2, axis=0)  (6.7)
        double[] std = sqrtPlus(var, EPS);                            // std = np.sqrt(var + 10e-7)
        Matrix xn = divideRow(xc, std);                               // xn = xc / std                (6.7)
        this.batchSize = x.rows;
        this.xc = xc;
        this.xn = xn;
        this.std = std;
        double[] rm = runningMean.data[0], rv = runningVar.data[0];
        for (int j = 0; j < mu.length; j++) {                        // running = momentum·running + (1−momentum)·batch
            rm[j] = momentum * rm[j] + (1 - momentum) * mu[j];
            rv[j] = momentum * rv[j] + (1 - momentum) * var[j];
        }
        return out(xn);
    }

    /** out = gamma * xn + beta    (6.8) */
    private Matrix out(Matrix xn) {
        return multiplyRow(xn, gamma.data[0]).addRowVectorInPlace(beta);
    }

    /** Backward through the computation graph of figure 6-17: one line per node, the book's names and order. */
    @Override
    public Matrix backward(Matrix dout) {                             // dout (N,D); never modified
        requireForward(xn, dout);
        double[] dbeta = sumAxis0(dout);                                          // dbeta = dout.sum(axis=0)
        double[] dgamma = sumAxis0(multiply(xn, dout));                           // dgamma = np.sum(xn * dout, axis=0)
        Matrix dxn = multiplyRow(dout, gamma.data[0]);                            // dxn = gamma * dout
        Matrix dxc = divideRow(dxn, std);                                         // dxc = dxn / std
        // dstd = -np.sum((dxn * xc) / (std * std), axis=0): each element divided before the sum, as the book
        double[] dstd = negative(sumAxis0(divideRow(multiply(dxn, xc), multiply(std, std))));
        double[] dvar = divide(multiply(0.5, dstd), std);                         // dvar = 0.5 * dstd / std
        dxc.addInPlace(multiplyRow(multiply(2.0 / batchSize, xc), dvar));         // dxc += (2.0 / batch_size) * xc * dvar
        double[] dmu = sumAxis0(dxc);                                             // dmu = np.sum(dxc, axis=0)
        Matrix dx = subtractRow(dxc, divide(dmu, batchSize));                     // dx = dxc - dmu / batch_size
        System.arraycopy(dgamma, 0, this.dgamma.data[0], 0, dgamma.length);      // self.dgamma = dgamma
        System.arraycopy(dbeta, 0, this.dbeta.data[0], 0, dbeta.length);         // self.dbeta = dbeta
        return dx;
    }

    /** "BatchNorm1 (He) gamma 1x100, beta 1x100; last x 100x100". */
    @Override
    public String toString() {
        return title() + " gamma " + gamma.shape() + ", beta " + beta.shape() + "; last x "
                + (xn == null ? "none" : batchSize + "x" + gamma.cols);
    }
}
