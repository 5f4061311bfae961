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
        int D = x.cols;
        double[] mu = new double[D], var = new double[D];
        if (trainFlg) {
            batchSize = x.rows;
            for (double[] row : x.data) {                          // μ = mean over the batch    (6.7)
                for (int j = 0; j < D; j++) {
                    mu[j] += row[j] / x.rows;
                }
            }
            xc = centered(x, mu);                                  // xc = x − μ
            for (double[] row : xc.data) {                         // σ² = mean(xc²)             (6.7)
                for (int j = 0; j < D; j++) {
                    var[j] += row[j] * row[j] / x.rows;
                }
            }
            std = new double[D];
            for (int j = 0; j < D; j++) {                          // std = √(σ² + ε)
                std[j] = Math.sqrt(var[j] + EPS);
            }
            xn = scaled(xc, std);                                  // xn = xc / std               (6.7)
            updateRunning(mu, var);
        } else {
            Matrix xcTest = centered(x, runningMean.data[0]);
            double[] stdTest = new double[D];
            for (int j = 0; j < D; j++) {
                stdTest[j] = Math.sqrt(runningVar.data[0][j] + EPS);
            }
            Matrix xnTest = scaled(xcTest, stdTest);
            return affine(xnTest);
        }
        return affine(xn);
    }

    /** running = momentum · running + (1 − momentum) · batch statistic. */
    private void updateRunning(double[] mu, double[] var) {
        double[] rm = runningMean.data[0], rv = runningVar.data[0];
        for (int j = 0; j < mu.length; j++) {
            rm[j] = momentum * rm[j] + (1 - momentum) * mu[j];
            rv[j] = momentum * rv[j] + (1 - momentum) * var[j];
        }
    }

    /** out = γ ⊙ xn + β    (6.8) */
    private Matrix affine(Matrix xn) {
        double[] g = gamma.data[0], b = beta.data[0];
        Matrix out = new Matrix(xn.rows, xn.cols);
        for (int i = 0; i < xn.rows; i++) {
            double[] xi = xn.data[i], oi = out.data[i];
            for (int j = 0; j < xn.cols; j++) {
                oi[j] = g[j] * xi[j] + b[j];
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix dout) {                          // dout (N,D); never modified
        Layers.requireCached("BatchNormalization", xn, dout);
        int N = batchSize, D = dout.cols;
        double[] g = gamma.data[0];
        dout.sumColumnsInto(dbeta);                                // dβ = Σ_n dout
        Matrix dxn = new Matrix(N, D);
        double[] dg = dgamma.data[0], dstd = new double[D];
        java.util.Arrays.fill(dg, 0.0);
        for (int i = 0; i < N; i++) {
            double[] d = dout.data[i], xni = xn.data[i], xci = xc.data[i], dxni = dxn.data[i];
            for (int j = 0; j < D; j++) {
                dg[j] += xni[j] * d[j];                            // dγ = Σ_n xn ⊙ dout
                dxni[j] = g[j] * d[j];                             // dxn = γ ⊙ dout
                dstd[j] -= dxni[j] * xci[j] / (std[j] * std[j]);   // dstd = −Σ_n dxn ⊙ xc / std²
            }
        }
        double[] dvar = new double[D];
        for (int j = 0; j < D; j++) {
            dvar[j] = 0.5 * dstd[j] / std[j];                      // dvar = ½ · dstd / std
        }
        Matrix dxc = scaled(dxn, std);                             // dxc = dxn / std
        double[] dmu = new double[D];
        for (int i = 0; i < N; i++) {
            double[] dxci = dxc.data[i], xci = xc.data[i];
            for (int j = 0; j < D; j++) {
                dxci[j] += (2.0 / N) * xci[j] * dvar[j];           // dxc += (2/N) · xc ⊙ dvar
                dmu[j] += dxci[j];                                 // dmu = Σ_n dxc
            }
        }
        Matrix dx = dxc;
        for (double[] row : dx.data) {
            for (int j = 0; j < D; j++) {
                row[j] -= dmu[j] / N;                              // dx = dxc − dmu / N
            }
        }
        return dx;
    }

    private static Matrix centered(Matrix x, double[] mu) {
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = xi[j] - mu[j];
            }
        }
        return out;
    }

    private static Matrix scaled(Matrix x, double[] std) {
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double[] xi = x.data[i], oi = out.data[i];
            for (int j = 0; j < x.cols; j++) {
                oi[j] = xi[j] / std[j];
            }
        }
        return out;
    }
}
