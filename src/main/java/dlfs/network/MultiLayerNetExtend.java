package dlfs.network;

import dlfs.layers.Affine;
import dlfs.layers.BatchNormalization;
import dlfs.layers.Dropout;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MultiLayerNet} with optional batch normalization after every hidden Affine and optional dropout after
 * every activation: (Affine, [BatchNorm], activation, [Dropout]) × hidden layers, then Affine and SoftmaxWithLoss.
 * Book §6.3–6.4; port of common/multi_layer_net_extend.py {@code MultiLayerNetExtend}.
 *
 * <p>{@link #params} holds "W1", "b1", "gamma1", "beta1", "W2", …, the order in which the book's
 * {@code gradient} lists them; γ starts at 1 and β at 0.
 */
public class MultiLayerNetExtend extends MultiLayerNet {
    public final boolean useDropout;
    public final double dropoutRatio;
    public final boolean useBatchnorm;
    private final List<BatchNormalization> batchNorms = new ArrayList<>();

    public MultiLayerNetExtend(int inputSize, int[] hiddenSizeList, int outputSize, Activation activation,
                               WeightInit weightInitStd, double weightDecayLambda, boolean useDropout,
                               double dropoutRatio, boolean useBatchnorm, Rng rng) {
        super(inputSize, hiddenSizeList, outputSize, weightDecayLambda);
        this.useDropout = useDropout;
        this.dropoutRatio = dropoutRatio;
        this.useBatchnorm = useBatchnorm;
        int[] allSizeList = allSizes();
        for (int idx = 1; idx < allSizeList.length; idx++) {
            Matrix W = initWeight(allSizeList[idx - 1], allSizeList[idx], weightInitStd, rng);
            Matrix b = new Matrix(1, allSizeList[idx]);
            params.put("W" + idx, W);
            params.put("b" + idx, b);
            Affine affine = new Affine(W, b);
            affines.add(affine);
            layers.add(affine);
            if (idx == allSizeList.length - 1) {
                break;                                        // the last Affine feeds SoftmaxWithLoss
            }
            if (useBatchnorm) {
                addBatchNorm(idx, allSizeList[idx]);
            }
            layers.add(activation.newLayer());
            if (useDropout) {
                layers.add(new Dropout(dropoutRatio, rng));
            }
        }
    }

    /** The book's common case: ReLU, He init, no weight decay, no dropout; batch norm on or off. */
    public static MultiLayerNetExtend withBatchnorm(int inputSize, int[] hiddenSizeList, int outputSize,
                                                    WeightInit weightInitStd, boolean useBatchnorm, Rng rng) {
        return new MultiLayerNetExtend(inputSize, hiddenSizeList, outputSize, Activation.RELU, weightInitStd,
                0.0, false, 0.5, useBatchnorm, rng);
    }

    private void addBatchNorm(int idx, int size) {
        Matrix gamma = new Matrix(1, size);
        gamma.fill(1.0);                                      // γ = 1
        Matrix beta = new Matrix(1, size);                    // β = 0
        params.put("gamma" + idx, gamma);
        params.put("beta" + idx, beta);
        BatchNormalization bn = new BatchNormalization(gamma, beta);
        batchNorms.add(bn);
        layers.add(bn);
    }

    /** dW (+ λW), db, dgamma, dbeta per layer, in the book's order. */
    @Override
    protected Map<String, Matrix> collectGrads() {
        Map<String, Matrix> affineGrads = super.collectGrads();
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (int idx = 1; idx <= affines.size(); idx++) {
            grads.put("W" + idx, affineGrads.get("W" + idx));
            grads.put("b" + idx, affineGrads.get("b" + idx));
            if (useBatchnorm && idx <= batchNorms.size()) {
                grads.put("gamma" + idx, batchNorms.get(idx - 1).dgamma);
                grads.put("beta" + idx, batchNorms.get(idx - 1).dbeta);
            }
        }
        return grads;
    }
}
