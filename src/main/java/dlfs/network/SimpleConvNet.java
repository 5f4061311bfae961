package dlfs.network;

import dlfs.dataset.ParamsPickle;
import dlfs.functions.Im2col;
import dlfs.functions.Labels;
import dlfs.functions.NumericalGradient;
import dlfs.layers.Affine;
import dlfs.layers.Convolution;
import dlfs.layers.NamedLayer;
import dlfs.layers.Pooling;
import dlfs.layers.Relu;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import dlfs.util.UserError;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simple convolutional network: conv - relu - pool - affine - relu - affine - softmax. Book §7.5, figure 7-23;
 * port of ch07/simple_convnet.py {@code SimpleConvNet}.
 *
 * <p>{@link #params} holds "W1", "b1", "W2", "b2", "W3", "b3" as the book's; W1, the filters (FN, C, FH, FW), is
 * there as its (FN, C·FH·FW) {@link Tensor4#matrix() view}, sharing its numbers with Conv1's W, so the
 * optimizer's in-place update is what the layer uses next. {@link #layers} holds the book's keys "Conv1", "Relu1",
 * "Pool1", "Affine1", "Relu2", "Affine2". The book runs them in a loop; here the loop is written out, because
 * Conv1 and Pool1 take (N, C, H, W) arrays and the others matrices: ReLU is elementwise, so Relu1 works on the
 * (N, C·H·W) view of its input, and Affine1 flattens the pooled images to (N, 4320) as the book's Affine does.
 */
public final class SimpleConvNet implements Network {
    /** The book's conv_param: {'filter_num': 30, 'filter_size': 5, 'pad': 0, 'stride': 1}. */
    public record ConvParam(int filterNum, int filterSize, int pad, int stride) {
        public static final ConvParam BOOK = new ConvParam(30, 5, 0, 1);
    }

    public final int[] inputDim;          // (C, H, W), the book's (1, 28, 28)
    public final Map<String, Matrix> params = new LinkedHashMap<>();
    public final Map<String, NamedLayer> layers = new LinkedHashMap<>();
    public final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
    private final Convolution conv1;
    private final Relu relu1 = new Relu();
    private final Pooling pool1 = new Pooling(2, 2, 2, 0);
    private final Affine affine1;
    private final Relu relu2 = new Relu();
    private final Affine affine2;
    private int[] poolShape;              // forward cache: the (N, C, H, W) of Pool1's output, for backward

    /** The book's defaults: input (1, 28, 28), 30 filters 5×5, hidden 100, output 10, weight_init_std 0.01. */
    public SimpleConvNet(Rng rng) {
        this(new int[] {1, 28, 28}, ConvParam.BOOK, 100, 10, 0.01, rng);
    }

    public SimpleConvNet(int[] inputDim, ConvParam convParam, int hiddenSize, int outputSize, double weightInitStd,
                         Rng rng) {
        this.inputDim = inputDim.clone();
        int filterNum = convParam.filterNum(), filterSize = convParam.filterSize();
        int pooled = pooledSize(inputDim, convParam);
        int poolOutputSize = filterNum * pooled * pooled;                 // 30 · 12 · 12 = 4320

        // initialise the weights: W = weight_init_std · randn(…), in the book's order W1, W2, W3
        Tensor4 W1 = Tensor4.of(rng.randn(filterNum, inputDim[0] * filterSize * filterSize)
                .scaleInPlace(weightInitStd), inputDim[0], filterSize, filterSize);   // (FN, C, FH, FW)
        params.put("W1", W1.matrix());
        params.put("b1", new Matrix(1, filterNum));
        params.put("W2", rng.randn(poolOutputSize, hiddenSize).scaleInPlace(weightInitStd));
        params.put("b2", new Matrix(1, hiddenSize));
        params.put("W3", rng.randn(hiddenSize, outputSize).scaleInPlace(weightInitStd));
        params.put("b3", new Matrix(1, outputSize));

        // make the layers
        conv1 = new Convolution(W1, params.get("b1"), convParam.stride(), convParam.pad(), false);   // x: the images
        affine1 = new Affine(params.get("W2"), params.get("b2"));
        affine2 = new Affine(params.get("W3"), params.get("b3"));
        add("Conv1", conv1);
        add("Relu1", relu1);
        add("Pool1", pool1);
        add("Affine1", affine1);
        add("Relu2", relu2);
        add("Affine2", affine2);
    }

    /**
     * The side of Pool1's output. The book computes pool_output_size = int(filter_num · (conv_output_size/2)²)
     * in floats, which is the size Affine1 needs only when the convolution's output is square and of even size;
     * otherwise its np.dot fails later. We say so at once.
     */
    private static int pooledSize(int[] inputDim, ConvParam p) {
        if (inputDim.length != 3 || inputDim[1] != inputDim[2]) {
            throw new IllegalArgumentException("SimpleConvNet: input_dim " + Arrays.toString(inputDim)
                    + " must be (C, H, W) with H = W (the book sizes the network from input_dim[1] alone)");
        }
        int convOutputSize = Im2col.outputSize(inputDim[1], p.filterSize(), p.stride(), p.pad());
        if (convOutputSize % 2 != 0 || (inputDim[1] - p.filterSize() + 2 * p.pad()) % p.stride() != 0) {
            throw new IllegalArgumentException("SimpleConvNet: input " + inputDim[1] + ", filter " + p.filterSize()
                    + ", pad " + p.pad() + ", stride " + p.stride() + " give a convolution output that is not an even"
                    + " whole size (the book's pool_output_size needs one)");
        }
        return convOutputSize / 2;
    }

    private void add(String key, NamedLayer layer) {
        layer.name(key);
        layers.put(key, layer);
    }

    @Override
    public Map<String, Matrix> params() {
        return params;
    }

    /** Conv1's filters W1 as (FN, C, FH, FW). */
    public Tensor4 filters() {
        return conv1.W;
    }

    /** Scores (N, output_size) before softmax; x is (N, C, H, W). */
    public Matrix predict(Tensor4 x) {
        if (x.C != inputDim[0] || x.H != inputDim[1] || x.W != inputDim[2]) {
            throw new IllegalArgumentException("SimpleConvNet: x is " + x.shape() + " but the network takes N x "
                    + inputDim[0] + "x" + inputDim[1] + "x" + inputDim[2]);
        }
        Tensor4 out = conv1.forward(x);                                    // (N, 30, 24, 24)
        out = Tensor4.of(relu1.forward(out.matrix()), out.C, out.H, out.W);
        out = pool1.forward(out);                                          // (N, 30, 12, 12)
        poolShape = out.dims();
        Matrix y = affine1.forward(out.matrix());                          // x.reshape(N, -1): (N, 4320) -> (N, 100)
        y = relu2.forward(y);
        return affine2.forward(y);                                         // (N, 10)
    }

    /** The loss (the book's loss(x, t)). */
    public double loss(Tensor4 x, int[] t) {
        Matrix y = predict(x);
        return lastLayer.forward(y, t);
    }

    /**
     * The accuracy computed batch by batch, as the book's accuracy(x, t, batch_size=100): like the book, only
     * whole batches are evaluated (int(N / batch_size) of them), and the count is divided by N.
     */
    public double accuracy(Tensor4 x, int[] t, int batchSize) {
        double acc = 0.0;
        for (int i = 0; i < x.N / batchSize; i++) {
            Tensor4 tx = new Tensor4(Arrays.copyOfRange(x.data, i * batchSize, (i + 1) * batchSize), x.C, x.H, x.W);
            int[] tt = Arrays.copyOfRange(t, i * batchSize, (i + 1) * batchSize);
            Matrix y = predict(tx);
            Labels.check("accuracy", y, tt);
            int[] pred = y.argmaxRows();
            for (int n = 0; n < pred.length; n++) {
                acc += pred[n] == tt[n] ? 1 : 0;                              // acc += np.sum(y == tt)
            }
        }
        return acc / x.N;
    }

    /** Gradients by backpropagation (book §5.7), under the book's keys; the maps' matrices are the layers' own. */
    public Map<String, Matrix> gradient(Tensor4 x, int[] t) {
        // forward
        loss(x, t);

        // backward
        Matrix dout = lastLayer.backward();
        dout = affine2.backward(dout);
        dout = relu2.backward(dout);
        dout = affine1.backward(dout);                                     // (N, 4320)
        Tensor4 dout4 = Tensor4.of(dout, poolShape[1], poolShape[2], poolShape[3]);   // dx.reshape(N, 30, 12, 12)
        dout4 = pool1.backward(dout4);                                     // (N, 30, 24, 24)
        dout4 = Tensor4.of(relu1.backward(dout4.matrix()), dout4.C, dout4.H, dout4.W);
        conv1.backward(dout4);                                             // writes dW and db; dx is not needed

        Map<String, Matrix> grads = new LinkedHashMap<>();
        grads.put("W1", conv1.dW.matrix());
        grads.put("b1", conv1.db);
        grads.put("W2", affine1.dW);
        grads.put("b2", affine1.db);
        grads.put("W3", affine2.dW);
        grads.put("b3", affine2.db);
        return grads;
    }

    /** Gradients by central difference (book §4.4) for W1, b1, W2, b2, W3, b3: slow, for checking {@link #gradient}. */
    public Map<String, Matrix> numericalGradient(Tensor4 x, int[] t) {
        Map<String, Matrix> grads = new LinkedHashMap<>();
        for (String key : params.keySet()) {
            grads.put(key, NumericalGradient.of(() -> loss(x, t), params.get(key)));
        }
        return grads;
    }

    // ------------------------------------------------------------------ the Trainer's view: one image per row

    /** x (N, C·H·W), one flattened image per row, as (N, C, H, W), sharing its rows. */
    public Tensor4 images(Matrix x) {
        return Tensor4.of(x, inputDim[0], inputDim[1], inputDim[2]);
    }

    @Override
    public Map<String, Matrix> gradient(Matrix x, int[] t) {
        return gradient(images(x), t);
    }

    @Override
    public double loss(Matrix x, int[] t) {
        return loss(images(x), t);
    }

    /** The book's accuracy with its batch_size = 100. */
    @Override
    public double accuracy(Matrix x, int[] t) {
        return accuracy(images(x), t, 100);
    }

    // ------------------------------------------------------------------ save_params, load_params

    /** The parameters in the book's shapes: W1 (FN, C, FH, FW), b1 (FN,), W2 (4320, 100), b2 (100,), … */
    public Map<String, ParamsPickle.Array> paramArrays() {
        Map<String, ParamsPickle.Array> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Matrix> e : params.entrySet()) {
            Matrix p = e.getValue();
            int[] shape = e.getKey().equals("W1") ? conv1.W.dims()
                    : e.getKey().startsWith("b") ? new int[] {p.cols} : new int[] {p.rows, p.cols};
            arrays.put(e.getKey(), new ParamsPickle.Array(shape, p.flatten()));
        }
        return arrays;
    }

    /** The book's save_params: pickles the parameters to {@code file} (which the book's load_params can read). */
    public void saveParams(Path file) {
        ParamsPickle.write(file, paramArrays());
    }

    /**
     * The book's load_params: reads a file that save_params wrote (ours or the book's) into the parameters, in
     * place, so every layer uses the loaded values. Every key must be there with the network's shape.
     */
    public void loadParams(Path file) {
        Map<String, ParamsPickle.Array> arrays = ParamsPickle.read(file);
        Map<String, ParamsPickle.Array> ours = paramArrays();
        for (Map.Entry<String, ParamsPickle.Array> e : ours.entrySet()) {
            ParamsPickle.Array loaded = arrays.get(e.getKey());
            if (loaded == null) {
                throw new UserError(file + ": no '" + e.getKey() + "' (the file has " + arrays.keySet() + ")");
            }
            if (!Arrays.equals(loaded.shape(), e.getValue().shape())) {
                throw new UserError(file + ": '" + e.getKey() + "' is " + loaded.shapeText() + " but the network's is "
                        + e.getValue().shapeText());
            }
            Matrix p = params.get(e.getKey());
            for (int i = 0; i < p.rows; i++) {
                System.arraycopy(loaded.data(), i * p.cols, p.data[i], 0, p.cols);
            }
        }
    }

    /** "SimpleConvNet (1, 28, 28) conv 30x5x5 - relu - pool 2x2 - affine 100 - relu - affine 10". */
    @Override
    public String toString() {
        return "SimpleConvNet (" + inputDim[0] + ", " + inputDim[1] + ", " + inputDim[2] + ") conv " + conv1.W.N + "x"
                + conv1.W.H + "x" + conv1.W.W + " - relu - pool 2x2 - affine " + affine1.W.cols + " - relu - affine "
                + affine2.W.cols;
    }
}
