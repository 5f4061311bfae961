package dlfs.network;

import dlfs.functions.Labels;
import dlfs.functions.NumericalGradient;
import dlfs.layers.Affine;
import dlfs.layers.Layer;
import dlfs.layers.Relu;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's first network trained by backpropagation: Affine1, Relu1, Affine2, then SoftmaxWithLoss. Book §5.7.2;
 * port of ch05/two_layer_net.py {@code TwoLayerNet}. ({@link MultiLayerNet} is its chapter-6 generalisation.)
 *
 * <p>{@link #params} maps "W1", "b1", "W2", "b2" to the very matrices the Affine layers hold, so updating a
 * parameter in place ({@code network.params[key] -= learning_rate * grad[key]}) is what the layers use next.
 * Labels are class indices; the book's scripts pass one-hot rows, which give the same loss, gradient and accuracy
 * ({@code cross_entropy_error} and {@code accuracy} turn them back into indices with argmax).
 */
public final class TwoLayerNet {
    public final int inputSize;
    public final int hiddenSize;
    public final int outputSize;
    public final double weightInitStd;
    /** "W1", "b1", "W2", "b2": the book's {@code self.params}, shared with the layers. */
    public final Map<String, Matrix> params = new LinkedHashMap<>();
    /** "Affine1", "Relu1", "Affine2": the book's {@code self.layers} (an OrderedDict), in forward order. */
    public final Map<String, Layer> layers = new LinkedHashMap<>();
    /** The book's {@code self.lastLayer}. */
    public final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();

    /** The book's default {@code weight_init_std = 0.01}. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Rng rng) {
        this(inputSize, hiddenSize, outputSize, 0.01, rng);
    }

    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd, Rng rng) {
        requireSize("inputSize", inputSize);
        requireSize("hiddenSize", hiddenSize);
        requireSize("outputSize", outputSize);
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.outputSize = outputSize;
        this.weightInitStd = weightInitStd;
        // initialise the weights: W = weight_init_std * np.random.randn(n, m), b = np.zeros(m)
        params.put("W1", rng.randn(inputSize, hiddenSize).scaleInPlace(weightInitStd));
        params.put("b1", new Matrix(1, hiddenSize));
        params.put("W2", rng.randn(hiddenSize, outputSize).scaleInPlace(weightInitStd));
        params.put("b2", new Matrix(1, outputSize));

        // build the layers
        // nobody reads dx of the input images, so Affine1 skips it; the book computes it (see Affine)
        add("Affine1", new Affine(params.get("W1"), params.get("b1"), false));
        add("Relu1", new Relu());
        add("Affine2", new Affine(params.get("W2"), params.get("b2")));
        lastLayer.name("lastLayer");
    }

    private static void requireSize(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("TwoLayerNet: " + name + "=" + value + " must be >= 1");
        }
    }

    private void add(String key, Layer layer) {
        layer.name(key);
        layers.put(key, layer);
    }

    /** Scores (N, outputSize) before softmax: x through Affine1, Relu1, Affine2. */
    public Matrix predict(Matrix x) {
        if (x.cols != inputSize) {
            throw new IllegalArgumentException("TwoLayerNet.predict: x is " + x.shape() + " but the network takes "
                    + inputSize + " inputs (x.cols must equal inputSize)");
        }
        for (Layer layer : layers.values()) {
            x = layer.forward(x);
        }
        return x;
    }

    /** x: input data, t: labels (class indices). The mean cross-entropy of softmax(predict(x)). */
    public double loss(Matrix x, int[] t) {
        Matrix y = predict(x);
        return lastLayer.forward(y, t);
    }

    /** Share of rows whose largest score is the label: {@code np.sum(y == t) / float(x.shape[0])}. */
    public double accuracy(Matrix x, int[] t) {
        Matrix y = predict(x);
        Labels.check("TwoLayerNet.accuracy", y, t);
        int[] pred = y.argmaxRows();                      // y = np.argmax(y, axis=1)
        int correct = 0;
        for (int n = 0; n < pred.length; n++) {
            correct += pred[n] == t[n] ? 1 : 0;
        }
        return correct / (double) x.rows;
    }

    /**
     * The book's {@code numerical_gradient(x, t)}: for each parameter the central difference (h = 1e-4, book
     * §4.4) of the loss, perturbing one element of the parameter at a time. Slow: two forward passes per weight.
     */
    public Map<String, Matrix> numericalGradient(Matrix x, int[] t) {
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (String key : params.keySet()) {              // W1, b1, W2, b2
            grads.put(key, NumericalGradient.of(() -> loss(x, t), params.get(key)));
        }
        return grads;
    }

    /**
     * The book's {@code gradient(x, t)}: the same gradients by backpropagation (book §5.7.2), one forward and one
     * backward pass. The returned matrices are the Affine layers' own dW and db, overwritten by the next call.
     */
    public Map<String, Matrix> gradient(Matrix x, int[] t) {
        // forward
        loss(x, t);

        // backward
        Matrix dout = lastLayer.backward();               // dout = 1 → (y − t) / batch_size
        List<Layer> reversed = new ArrayList<>(layers.values());
        Collections.reverse(reversed);                    // Affine2, Relu1, Affine1
        for (Layer layer : reversed) {
            dout = layer.backward(dout);
        }

        // collect
        Affine affine1 = (Affine) layers.get("Affine1"), affine2 = (Affine) layers.get("Affine2");
        Map<String, Matrix> grads = new LinkedHashMap<>();
        grads.put("W1", affine1.dW);
        grads.put("b1", affine1.db);
        grads.put("W2", affine2.dW);
        grads.put("b2", affine2.db);
        return grads;
    }

    /** "TwoLayerNet 784-50-10, weightInitStd=0.01; lastLayer loss=2.2931…; last y 3x10". */
    @Override
    public String toString() {
        return "TwoLayerNet " + inputSize + "-" + hiddenSize + "-" + outputSize + ", weightInitStd=" + weightInitStd
                + "; " + lastLayer;
    }
}
