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
 * so an optimizer's in-place update is what the layers use next. {@link #layers} is the book's
 * {@code self.layers} (an OrderedDict): "Affine1", "Relu1", …, in forward order. The book keys the activations
 * {@code 'Activation_function1'}; we use the class name ("Relu1", "Sigmoid1"), as the book's chapter 5 does.
 *
 * <p>The network reports divergence itself: the first time a loss it computes is NaN or infinite, it prints one
 * warning to stderr naming the network (its {@link #label}, or its class) and the iteration (the number of
 * {@link #gradient} calls before it), so every training loop gets the warning.
 */
public class MultiLayerNet implements Network {
    public final int inputSize;
    public final int[] hiddenSizeList;
    public final int outputSize;
    public final double weightDecayLambda;
    /** "W1", "b1", …, in the book's order; shared with the layers. */
    public final Map<String, Matrix> params = new LinkedHashMap<>();
    /** "Affine1", "Relu1", …, "Affine" + (hidden + 1): the book's {@code self.layers}, in forward order. */
    public final Map<String, Layer> layers = new LinkedHashMap<>();
    /** The book's {@code self.last_layer}. */
    public final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
    private String label;                  // e.g. "He", shown by every layer's toString(); null for none
    private int iterations;                // gradient() calls so far
    private int divergedAt = -1;           // the iteration of the first non-finite loss, -1 while none

    /** The book's defaults: ReLU, He ('relu') init, no weight decay. */
    public MultiLayerNet(int inputSize, int[] hiddenSizeList, int outputSize, Rng rng) {
        this(inputSize, hiddenSizeList, outputSize, Activation.RELU, WeightInit.HE, 0.0, rng);
    }

    public MultiLayerNet(int inputSize, int[] hiddenSizeList, int outputSize, Activation activation,
                         WeightInit weightInitStd, double weightDecayLambda, Rng rng) {
        this(inputSize, hiddenSizeList, outputSize, weightDecayLambda);
        initWeight(weightInitStd, rng);
        for (int idx = 1; idx <= hiddenSizeList.length; idx++) {
            addAffine(idx);
            Layer activationLayer = activation.newLayer();
            addLayer(activationLayer.name() + idx, activationLayer);
        }
        addAffine(hiddenSizeList.length + 1);
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

    /**
     * The book's {@code __init_weight}: W = scale · randn(n, m) for W1, W2, … in order, b = 0. All-zero weights
     * (beyond the book's code, §6.2.1) draw nothing.
     */
    protected final void initWeight(WeightInit weightInitStd, Rng rng) {
        int[] allSizeList = allSizes();
        for (int idx = 1; idx < allSizeList.length; idx++) {
            int n = allSizeList[idx - 1], m = allSizeList[idx];
            Matrix W = weightInitStd instanceof WeightInit.Zero ? new Matrix(n, m)
                    : rng.randn(n, m).scaleInPlace(weightInitStd.scale(n));   // scale * np.random.randn(n, m)
            params.put("W" + idx, W);
            params.put("b" + idx, new Matrix(1, m));
        }
    }

    /**
     * layers['Affine' + idx] = Affine(W, b). Affine1's dx (the gradient for the input images) is never read, so
     * its backward skips that product; the book computes it.
     */
    protected final void addAffine(int idx) {
        addLayer("Affine" + idx, new Affine(params.get("W" + idx), params.get("b" + idx), idx != 1));
    }

    /** layers[key] = layer, e.g. key "Relu1"; the layer is told its key and the network's label. */
    protected final void addLayer(String key, Layer layer) {
        layer.name(key);
        layer.label(label);
        layers.put(key, layer);
    }

    /** The Affine layer under "Affine" + idx. */
    protected final Affine affine(int idx) {
        return (Affine) layers.get("Affine" + idx);
    }

    @Override
    public Map<String, Matrix> params() {
        return params;
    }

    /** Labels the network ("He", "Xavier") so its layers' toString() and its warnings say which one it is. */
    public MultiLayerNet label(String label) {
        this.label = label;
        for (Layer layer : layers.values()) {
            layer.label(label);
        }
        lastLayer.label(label);
        return this;
    }

    /** The label, or null if none was given. */
    public String label() {
        return label;
    }

    /** Scores (N, outputSize) before softmax. */
    public Matrix predict(Matrix x) {
        return predict(x, false);
    }

    /** Scores in training or test mode (only layers such as Dropout and BatchNormalization care). */
    public Matrix predict(Matrix x, boolean trainFlg) {
        Inputs.requireInput(x, inputSize);
        for (Layer layer : layers.values()) {
            x = layer.forward(x, trainFlg);
        }
        return x;
    }

    /** Loss with class-index labels: cross-entropy + ½λ Σ ||W||² (book §6.4.2), in test mode as the book's default. */
    @Override
    public double loss(Matrix x, int[] t) {
        return loss(x, t, false);
    }

    /** Loss with one-hot labels (N, outputSize). */
    public double loss(Matrix x, Matrix t) {
        return loss(x, Inputs.oneHotToIndex("loss", t, outputSize), false);
    }

    public double loss(Matrix x, int[] t, boolean trainFlg) {
        Matrix y = predict(x, trainFlg);
        double loss = lastLayer.forward(y, t) + weightDecay();
        if (!Double.isFinite(loss) && divergedAt < 0) {
            reportDivergence(loss);
        }
        return loss;
    }

    /** One line on stderr, once per network: which network, which iteration (0 = the first gradient() call). */
    private void reportDivergence(double loss) {
        divergedAt = Math.max(0, iterations - 1);
        String when = iterations == 0 ? "before training" : "at iteration " + divergedAt;
        System.err.println("warning: network " + (label != null ? label : getClass().getSimpleName()) + ": loss is "
                + (Double.isNaN(loss) ? "NaN" : "infinite") + " " + when
                + " (the training diverged; try a smaller learning rate)");
    }

    /** Whether a loss this network computed was NaN or infinite. */
    @Override
    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** The iteration of the first NaN or infinite loss (0 before training), or -1 if there was none. */
    @Override
    public int divergedAt() {
        return divergedAt;
    }

    /**
     * weight_decay += 0.5 * λ * np.sum(W**2) for W1, W2, … (book §6.4.2), each sum numpy's pairwise sum. Skipped
     * for λ = 0, where every term is exactly 0 for finite W (with a NaN or ∞ in W the loss is NaN anyway).
     */
    protected double weightDecay() {
        double weightDecay = 0;
        if (weightDecayLambda != 0) {
            for (int idx = 1; idx <= hiddenSizeList.length + 1; idx++) {
                Matrix W = params.get("W" + idx);
                weightDecay += 0.5 * weightDecayLambda * W.sumOfSquares();
            }
        }
        return weightDecay;
    }

    /** Share of rows whose largest score is the label (book §3.6.2). */
    @Override
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
        return accuracy(x, Inputs.oneHotToIndex("accuracy", t, outputSize));
    }

    /**
     * Gradients by backpropagation (book §5.7), in training mode: the book's {@code gradient()}. Each call is
     * one iteration for the divergence warning. The returned map holds the layers' own db (and dW when λ = 0),
     * overwritten by the next call; with weight decay, W's entry is a new matrix dW + λW.
     */
    @Override
    public Map<String, Matrix> gradient(Matrix x, int[] t) {
        iterations++;
        loss(x, t, true);                                  // forward
        Matrix dout = lastLayer.backward();                // backward, from the loss down (book §5.7.2)
        List<Layer> reversed = new ArrayList<>(layers.values());
        Collections.reverse(reversed);
        for (Layer layer : reversed) {
            dout = layer.backward(dout);
        }
        return collectGrads();
    }

    public Map<String, Matrix> gradient(Matrix x, Matrix t) {
        return gradient(x, Inputs.oneHotToIndex("gradient", t, outputSize));
    }

    /**
     * grads['W' + idx] = dW + λ·W and grads['b' + idx] = db, under the book's keys. dW + λW is a new matrix, as
     * in the book, so the layer's dW stays what backward computed; with λ = 0 it is dW itself.
     */
    protected Map<String, Matrix> collectGrads() {
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (int idx = 1; idx <= hiddenSizeList.length + 1; idx++) {
            Affine affine = affine(idx);
            grads.put("W" + idx, weightDecayLambda == 0 ? affine.dW
                    : affine.dW.copy().addScaledInPlace(weightDecayLambda, affine.W));
            grads.put("b" + idx, affine.db);
        }
        return grads;
    }

    /** The keys of the gradients in the order the book's {@code gradient()} lists them: W1, b1, W2, b2, … */
    protected List<String> gradKeys() {
        List<String> keys = new ArrayList<>();
        for (int idx = 1; idx <= hiddenSizeList.length + 1; idx++) {
            keys.add("W" + idx);
            keys.add("b" + idx);
        }
        return keys;
    }

    /**
     * Gradients by central difference (book §4.4) of the training-mode loss for every parameter, in the order
     * of {@link #gradKeys}: slow, for checking {@link #gradient}.
     */
    public Map<String, Matrix> numericalGradient(Matrix x, int[] t) {
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (String key : gradKeys()) {
            grads.put(key, NumericalGradient.of(() -> loss(x, t, true), params.get(key)));
        }
        return grads;
    }

    /** "MultiLayerNet (He) 784-100-100-10, weightDecayLambda=0.0". */
    @Override
    public String toString() {
        int[] sizes = allSizes();
        StringBuilder s = new StringBuilder(getClass().getSimpleName());
        s.append(label == null ? "" : " (" + label + ")").append(' ').append(sizes[0]);
        for (int k = 1; k < sizes.length; k++) {
            s.append('-').append(sizes[k]);
        }
        return s.append(", weightDecayLambda=").append(weightDecayLambda).toString();
    }
}
