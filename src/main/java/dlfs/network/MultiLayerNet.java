package dlfs.network;

import dlfs.functions.Labels;
import dlfs.functions.NumericalGradient;
import dlfs.layers.Affine;
import dlfs.layers.Layer;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully connected network: (Affine, activation) × hidden layers, then Affine and SoftmaxWithLoss.
 * Book §6.1.8, §6.2.4, §6.4.2; port of common/multi_layer_net.py {@code MultiLayerNet}.
 *
 * <p>{@link #params} maps the book's keys "W1", "b1", "W2", … to the very matrices the Affine layers hold,
 * so an optimizer's in-place update is what the layers use next.
 */
public class MultiLayerNet {
    public final int inputSize;
    public final int[] hiddenSizeList;
    public final int outputSize;
    public final double weightDecayLambda;
    /** "W1", "b1", …, in the book's order; shared with the layers. */
    public final Map<String, Matrix> params = new LinkedHashMap<>();
    /** Affine1, activation1, …, Affine(n+1), as the book's {@code self.layers}. */
    protected final List<Layer> layers = new ArrayList<>();
    protected final List<Affine> affines = new ArrayList<>();
    protected final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();

    /** The book's defaults: ReLU, He ('relu') init, no weight decay. */
    public MultiLayerNet(int inputSize, int[] hiddenSizeList, int outputSize, Rng rng) {
        this(inputSize, hiddenSizeList, outputSize, Activation.RELU, WeightInit.HE, 0.0, rng);
    }

    public MultiLayerNet(int inputSize, int[] hiddenSizeList, int outputSize, Activation activation,
                         WeightInit weightInitStd, double weightDecayLambda, Rng rng) {
        this(inputSize, hiddenSizeList, outputSize, weightDecayLambda);
        int[] allSizeList = allSizes();
        for (int idx = 1; idx < allSizeList.length; idx++) {
            Matrix W = initWeight(allSizeList[idx - 1], allSizeList[idx], weightInitStd, rng);
            Matrix b = new Matrix(1, allSizeList[idx]);   // biases start at zero
            params.put("W" + idx, W);
            params.put("b" + idx, b);
            Affine affine = new Affine(W, b);
            affines.add(affine);
            layers.add(affine);
            if (idx < allSizeList.length - 1) {
                layers.add(activation.newLayer());
            }
        }
    }

    /** Checks the sizes and stores them; subclasses build the layers. */
    protected MultiLayerNet(int inputSize, int[] hiddenSizeList, int outputSize, double weightDecayLambda) {
        requireSize("inputSize", inputSize);
        requireSize("outputSize", outputSize);
        if (hiddenSizeList.length == 0) {
            throw new IllegalArgumentException("MultiLayerNet: hiddenSizeList is empty (give at least one hidden layer size)");
        }
        for (int i = 0; i < hiddenSizeList.length; i++) {
            requireSize("hiddenSizeList[" + i + "]", hiddenSizeList[i]);
        }
        if (!(weightDecayLambda >= 0) || !Double.isFinite(weightDecayLambda)) {
            throw new IllegalArgumentException("MultiLayerNet: weightDecayLambda=" + weightDecayLambda
                    + " must be a finite number >= 0");
        }
        this.inputSize = inputSize;
        this.hiddenSizeList = hiddenSizeList.clone();
        this.outputSize = outputSize;
        this.weightDecayLambda = weightDecayLambda;
    }

    private static void requireSize(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("MultiLayerNet: " + name + "=" + value + " must be >= 1");
        }
    }

    /** [inputSize, hidden…, outputSize], the book's {@code all_size_list}. */
    protected int[] allSizes() {
        int[] all = new int[hiddenSizeList.length + 2];
        all[0] = inputSize;
        System.arraycopy(hiddenSizeList, 0, all, 1, hiddenSizeList.length);
        all[all.length - 1] = outputSize;
        return all;
    }

    /** W = scale · randn(n, m), the book's {@code __init_weight}; ZERO gives all zeros. */
    protected static Matrix initWeight(int n, int m, WeightInit weightInitStd, Rng rng) {
        if (weightInitStd == WeightInit.ZERO) {
            return new Matrix(n, m);
        }
        return rng.randn(n, m).scaleInPlace(weightInitStd.scale(n));
    }

    private String label;

    /** TEMPORARY stub until the layers branch lands: a name for this network (e.g. "He"). */
    public MultiLayerNet label(String label) {
        this.label = label;
        return this;
    }

    /** Scores (N, outputSize) before softmax. */
    public Matrix predict(Matrix x) {
        return predict(x, false);
    }

    /** Scores in training or test mode (only layers such as Dropout and BatchNormalization care). */
    public Matrix predict(Matrix x, boolean trainFlg) {
        requireInput(x);
        for (Layer layer : layers) {
            x = layer.forward(x, trainFlg);
        }
        return x;
    }

    /** Loss with class-index labels: cross-entropy + ½λ Σ ||W||² (book §6.4.2). */
    public double loss(Matrix x, int[] t) {
        return loss(x, t, false);
    }

    /** Loss with one-hot labels (N, outputSize). */
    public double loss(Matrix x, Matrix t) {
        return loss(x, oneHotToIndex("loss", t), false);
    }

    public double loss(Matrix x, int[] t, boolean trainFlg) {
        Matrix y = predict(x, trainFlg);
        return lastLayer.forward(y, t) + weightDecay();
    }

    /** ½λ Σ ||W||² over every Affine's W (book §6.4.2); 0 without weight decay. */
    protected double weightDecay() {
        double weightDecay = 0;
        if (weightDecayLambda != 0) {
            for (Affine affine : affines) {
                weightDecay += 0.5 * weightDecayLambda * affine.W.sumOfSquares();   // ½λW²
            }
        }
        return weightDecay;
    }

    /** Share of rows whose largest score is the label (book §3.6.2). */
    public double accuracy(Matrix x, int[] t) {
        return accuracy(x, t, false);
    }

    /** Accuracy in training or test mode (the book's {@code accuracy(x, t, train_flg)} of MultiLayerNetExtend). */
    public double accuracy(Matrix x, int[] t, boolean trainFlg) {
        Matrix y = predict(x, trainFlg);
        Labels.check("accuracy", y, t);
        int[] pred = y.argmaxRows();
        int correct = 0;
        for (int n = 0; n < pred.length; n++) {
            if (pred[n] == t[n]) {
                correct++;
            }
        }
        return (double) correct / x.rows;
    }

    public double accuracy(Matrix x, Matrix t) {
        return accuracy(x, oneHotToIndex("accuracy", t));
    }

    /**
     * Gradients by backpropagation (book §5.7), in training mode. dW includes the weight-decay term λW
     * (book §6.4.2). The returned map holds the layers' own gradient matrices, overwritten by the next call.
     */
    public Map<String, Matrix> gradient(Matrix x, int[] t) {
        loss(x, t, true);                                  // forward
        backward(lastLayer.backward());                    // backward, from the loss down
        return collectGrads();
    }

    /**
     * Backward through the layers, last to first (book §5.7.2). Unlike the book, the first Affine layer
     * computes only dW and db: its dx, the gradient for the input images, is never used, and skipping that
     * product saves about a quarter of the multiply-adds of a training step.
     */
    protected void backward(Matrix dout) {
        for (int i = layers.size() - 1; i >= 1; i--) {
            dout = layers.get(i).backward(dout);
        }
        ((Affine) layers.get(0)).backwardParams(dout);
    }

    public Map<String, Matrix> gradient(Matrix x, Matrix t) {
        return gradient(x, oneHotToIndex("gradient", t));
    }

    /** dW (+ λW) and db of each Affine under the book's keys; subclasses add their own parameters. */
    protected Map<String, Matrix> collectGrads() {
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (int idx = 1; idx <= affines.size(); idx++) {
            Affine affine = affines.get(idx - 1);
            if (weightDecayLambda != 0) {
                affine.dW.addScaledInPlace(weightDecayLambda, affine.W);   // dW + λW
            }
            grads.put("W" + idx, affine.dW);
            grads.put("b" + idx, affine.db);
        }
        return grads;
    }

    /** Gradients by central difference (book §4.4) for every parameter: slow, for checking {@link #gradient}. */
    public Map<String, Matrix> numericalGradient(Matrix x, int[] t) {
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            grads.put(e.getKey(), NumericalGradient.of(() -> loss(x, t, true), e.getValue()));
        }
        return grads;
    }

    /** The layers in forward order (Affine1, activation1, …), for experiments that look inside. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The input every public method passes through predict: inputSize columns, finite values. */
    private void requireInput(Matrix x) {
        if (x.cols != inputSize) {
            throw new IllegalArgumentException("MultiLayerNet: x is " + x.shape() + " but the network takes "
                    + inputSize + " inputs (x.cols must equal inputSize)");
        }
        if (!x.hasNonFinite()) {
            return;
        }
        for (int i = 0; i < x.rows; i++) {                 // find the bad value for the message
            double[] row = x.data[i];
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("MultiLayerNet: x[" + i + "][" + j + "] = " + row[j]
                            + " (input must be finite)");
                }
            }
        }
    }

    private int[] oneHotToIndex(String op, Matrix t) {
        if (t.cols != outputSize) {
            throw new IllegalArgumentException(op + ": one-hot t is " + t.shape() + " but the network has "
                    + outputSize + " outputs (t.cols must equal outputSize)");
        }
        for (int n = 0; n < t.rows; n++) {
            double sum = 0;
            for (double v : t.data[n]) {
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(op + ": t[" + n + "] is not one-hot (has value " + v + ")");
                }
                sum += v;
            }
            if (sum != 1) {
                throw new IllegalArgumentException(op + ": t[" + n + "] is not one-hot (has " + (int) sum + " ones)");
            }
        }
        return Labels.fromOneHot(t);
    }
}
