package dlfs.network;

import dlfs.layers.Layer;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The network of weight_init_activation_histogram.py (book §6.2.2): hidden layers of {@code z = activation(x · W)}
 * without bias, each W drawn as {@code np.random.randn(node_num, node_num) * scale} in layer order, so its
 * activations are the script's for the same generator. Beyond the script, a backward pass: a head
 * {@code scores = z · Whead} with softmax-with-loss on given labels, whose gradient flows back through every layer
 * to give each layer's dW (the gradients §6.2.2 only describes).
 */
public final class ActivationStack {
    /** W1, W2, …: (nodeNum, nodeNum) each, as the script draws them. */
    public final List<Matrix> W = new ArrayList<>();
    /** The head's weights (nodeNum, 10), drawn after the layers' so the layers' draws are the script's. */
    public final Matrix Whead;
    private final List<Layer> activations = new ArrayList<>();
    private final List<Matrix> x = new ArrayList<>();       // forward cache: each layer's input (N, nodeNum)
    private Matrix z;                                       // forward cache: the last layer's activations

    /** {@code hiddenLayerSize} layers of {@code nodeNum} nodes, weights drawn from {@code rng} in layer order. */
    public ActivationStack(Activation activation, WeightInit init, int hiddenLayerSize, int nodeNum, Rng rng) {
        for (int i = 0; i < hiddenLayerSize; i++) {
            W.add(rng.randn(nodeNum, nodeNum).scaleInPlace(init.scale(nodeNum)));
            activations.add(activation.newLayer());
        }
        Whead = rng.randn(nodeNum, 10).scaleInPlace(init.scale(nodeNum));
    }

    /** The script's loop: each layer's activations z = activation(x · W), the first x being {@code inputData}. */
    public List<Matrix> forward(Matrix inputData) {
        x.clear();
        List<Matrix> out = new ArrayList<>();
        Matrix in = inputData;
        for (int i = 0; i < W.size(); i++) {
            x.add(in);
            Matrix a = MatMul.dot(in, W.get(i));
            in = activations.get(i).forward(a);
            out.add(in);
        }
        z = in;
        return out;
    }

    /**
     * One backward pass from the loss of the head on labels {@code t} (one per input row): dW of every layer, W1
     * first. Call {@link #forward} first.
     */
    public List<Matrix> backward(int[] t) {
        if (z == null) {
            throw new IllegalStateException("ActivationStack.backward: call forward first");
        }
        SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
        lastLayer.forward(MatMul.dot(z, Whead), t);
        Matrix dz = MatMul.dotTransB(lastLayer.backward(), Whead);     // dL/dz = dscores · Wheadᵀ
        List<Matrix> dW = new ArrayList<>();
        for (int i = W.size() - 1; i >= 0; i--) {
            Matrix da = activations.get(i).backward(dz);                // dL/da through the activation
            dW.add(0, MatMul.dotTransA(x.get(i), da));                  // dW = xᵀ · da
            dz = MatMul.dotTransB(da, W.get(i));                        // dL/dx = da · Wᵀ
        }
        return dW;
    }
}
