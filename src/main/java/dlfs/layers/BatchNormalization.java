package dlfs.layers;

import dlfs.matrix.Matrix;

/**
 * Batch normalization: each column of x is normalized over the mini-batch, then scaled by γ and shifted by β.
 * Book §6.3.1–6.3.2, eq. (6.7)–(6.8), figure 6-17 (backward through the computation graph); port of
 * common/layers.py {@code BatchNormalization}, for 2-D input (N, D) only (the book also reshapes 4-D input).
 *
 * <p>Training mode uses the batch's mean and variance and updates the running averages; test mode uses the
 * running averages, which start at zero as in the book.
 */
public final class BatchNormalization implements Layer {
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
    private Matrix xc;                // x − μ             (N,D)
    private Matrix xn;                // xc / std          (N,D)
    private double[] std;             // √(σ² + ε)         (D)

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
            throw new IllegalArgumentException("BatchNormalization.forward: x is " + x.shape() + " but gamma is "
                    + gamma.shape() + " (x.cols must equal gamma.cols)");
        }
        if (!trainFlg) {
            Matrix xcTest = minusRow(x, runningMean.data[0]);     // test mode: the running statistics
            return gammaTimesPlusBeta(divideRow(xcTest, sqrtPlusEps(runningVar.data[0])));
        }
        batchSize = x.rows;
        double[] mu = divide(sumOverBatch(x, null), x.rows);      // μ = mean of x over the batch   (6.7)
        xc = minusRow(x, mu);                                     // xc = x − μ
        double[] var = divide(sumOverBatch(xc, xc), x.rows);      // σ² = mean of xc²               (6.7)
        std = sqrtPlusEps(var);                                   // std = √(σ² + ε)
        xn = divideRow(xc, std);                                  // xn = xc / std                  (6.7)
        double[] rm = runningMean.data[0], rv = runningVar.data[0];
        for (int j = 0; j < mu.length; j++) {                     // running = m·running + (1 − m)·batch
            rm[j] = momentum * rm[j] + (1 - momentum) * mu[j];
            rv[j] = momentum * rv[j] + (1 - momentum) * var[j];
        }
        return gammaTimesPlusBeta(xn);
    }

    /** out = γ ⊙ xn + β    (6.8) */
    private Matrix gammaTimesPlusBeta(Matrix xn) {
        return timesRow(xn, gamma.data[0]).addRowVectorInPlace(beta);
    }

    /** Backward through the computation graph of figure 6-17, one line per node as in the book. */
    @Override
    public Matrix backward(Matrix dout) {                          // dout (N,D); never modified
        if (xn == null) {
            throw new IllegalStateException("BatchNormalization.backward: the training forward was not called"
                    + " (backward needs forward(x, true); a test-mode forward caches nothing)");
        }
        Layers.requireCached("BatchNormalization", xn, dout);
        int N = batchSize, D = dout.cols;
        dout.sumColumnsInto(dbeta);                                // dbeta = Σ_n dout
        double[] dg = sumOverBatch(xn, dout);                      // dgamma = Σ_n xn ⊙ dout
        System.arraycopy(dg, 0, dgamma.data[0], 0, D);
        Matrix dxn = timesRow(dout, gamma.data[0]);                // dxn = γ ⊙ dout
        Matrix dxc = divideRow(dxn, std);                          // dxc = dxn / std
        double[] dstd = sumOverBatch(dxn, xc);                     // dstd = −Σ_n (dxn ⊙ xc) / std²
        double[] dvar = new double[D];
        for (int j = 0; j < D; j++) {
            dstd[j] = -dstd[j] / (std[j] * std[j]);
            dvar[j] = 0.5 * dstd[j] / std[j];                      // dvar = ½ · dstd / std
        }
        dxc.addInPlace(timesRow(xc, dvar).scaleInPlace(2.0 / N));  // dxc += (2/N) · xc ⊙ dvar
        double[] dmu = sumOverBatch(dxc, null);                    // dmu = Σ_n dxc
        return minusRow(dxc, divide(dmu, N));                      // dx = dxc − dmu / N
    }

    /** Σ_n a ⊙ b per column (numpy {@code np.sum(a * b, axis=0)}); with b = null, Σ_n a. */
    private static double[] sumOverBatch(Matrix a, Matrix b) {
        double[] sum = new double[a.cols];
        for (int i = 0; i < a.rows; i++) {
            double[] ai = a.data[i], bi = b == null ? null : b.data[i];
            for (int j = 0; j < a.cols; j++) {
                sum[j] += bi == null ? ai[j] : ai[j] * bi[j];
            }
        }
        return sum;
    }

    private static double[] divide(double[] v, double d) {
        for (int j = 0; j < v.length; j++) {
            v[j] /= d;
        }
        return v;
    }

    private static double[] sqrtPlusEps(double[] var) {
        double[] std = new double[var.length];
        for (int j = 0; j < var.length; j++) {
            std[j] = Math.sqrt(var[j] + EPS);
        }
        return std;
    }

    /** x − v, v broadcast over the rows. */
    private static Matrix minusRow(Matrix x, double[] v) {
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = xi[j] - v[j];
            }
        }
        return out;
    }

    /** x ⊙ v, v broadcast over the rows. */
    private static Matrix timesRow(Matrix x, double[] v) {
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = xi[j] * v[j];
            }
        }
        return out;
    }

    /** x / v, v broadcast over the rows. */
    private static Matrix divideRow(Matrix x, double[] v) {
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = xi[j] / v[j];
            }
        }
        return out;
    }
}
