package dlfs.network;

import dlfs.layers.BatchNormalization;
import dlfs.layers.Dropout;
import dlfs.layers.Layer;
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
 * <p>{@link #params} holds "W1", "b1", …, then "gamma1", "beta1", …, in the order the book's constructor adds
 * them; γ starts at 1 and β at 0. The gradients come in the order the book's {@code gradient} lists them:
 * W1, b1, gamma1, beta1, W2, …
 */
public class MultiLayerNetExtend extends MultiLayerNet {
    public final boolean useDropout;
    public final double dropoutRatio;
    public final boolean useBatchnorm;

    public MultiLayerNetExtend(int inputSize, int[] hiddenSizeList, int outputSize, Activation activation,
                               WeightInit weightInitStd, double weightDecayLambda, boolean useDropout,
                               double dropoutRatio, boolean useBatchnorm, Rng rng) {
        super(inputSize, hiddenSizeList, outputSize, weightDecayLambda);
        this.useDropout = useDropout;
        this.dropoutRatio = dropoutRatio;
        this.useBatchnorm = useBatchnorm;
        initWeight(weightInitStd, rng);
        for (int idx = 1; idx <= hiddenSizeList.length; idx++) {
            addAffine(idx);
            if (useBatchnorm) {
                addBatchNorm(idx, hiddenSizeList[idx - 1]);
            }
            Layer activationLayer = activation.newLayer();
            addLayer(activationLayer.name() + idx, activationLayer);
            if (useDropout) {
                addLayer("Dropout" + idx, new Dropout(dropoutRatio, rng));
            }
        }
        addAffine(hiddenSizeList.length + 1);
    }

    /** The book's common case: ReLU, no weight decay, no dropout; batch norm on or off. */
    public static MultiLayerNetExtend withBatchnorm(int inputSize, int[] hiddenSizeList, int outputSize,
                                                    WeightInit weightInitStd, boolean useBatchnorm, Rng rng) {
        return new MultiLayerNetExtend(inputSize, hiddenSizeList, outputSize, Activation.RELU, weightInitStd,
                0.0, false, 0.5, useBatchnorm, rng);
    }

    /** params['gamma' + idx] = ones, params['beta' + idx] = zeros, layers['BatchNorm' + idx]. */
    private void addBatchNorm(int idx, int size) {
        Matrix gamma = new Matrix(1, size);
        gamma.fill(1.0);
        Matrix beta = new Matrix(1, size);
        params.put("gamma" + idx, gamma);
        params.put("beta" + idx, beta);
        addLayer("BatchNorm" + idx, new BatchNormalization(gamma, beta));
    }

    @Override
    public MultiLayerNetExtend label(String label) {
        super.label(label);
        return this;
    }

    /** W1, b1, gamma1, beta1, W2, …: the order of the book's {@code gradient} and {@code numerical_gradient}. */
    @Override
    protected List<String> gradKeys() {
        List<String> keys = new ArrayList<>();
        for (int idx = 1; idx <= hiddenSizeList.length + 1; idx++) {
            keys.add("W" + idx);
            keys.add("b" + idx);
            if (useBatchnorm && idx <= hiddenSizeList.length) {
                keys.add("gamma" + idx);
                keys.add("beta" + idx);
            }
        }
        return keys;
    }

    /** dW (+ λW) and db as {@link MultiLayerNet}, plus each BatchNorm's dgamma and dbeta, in the book's order. */
    @Override
    protected Map<String, Matrix> collectGrads() {
        Map<String, Matrix> affineGrads = super.collectGrads();
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (int idx = 1; idx <= hiddenSizeList.length + 1; idx++) {
            grads.put("W" + idx, affineGrads.get("W" + idx));
            grads.put("b" + idx, affineGrads.get("b" + idx));
            if (useBatchnorm && idx <= hiddenSizeList.length) {
                BatchNormalization bn = (BatchNormalization) layers.get("BatchNorm" + idx);
                grads.put("gamma" + idx, bn.dgamma);
                grads.put("beta" + idx, bn.dbeta);
            }
        }
        return grads;
    }
}
