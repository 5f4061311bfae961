package dlfs.bench;

import dlfs.layers.Affine;
import dlfs.layers.Layer;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.network.MultiLayerNet;
import java.util.ArrayList;
import java.util.List;

/**
 * The operands of every matrix product of one training iteration, taken from a real step of a net: each
 * Affine layer's x, W and dout. The benchmarks time the products by calling MatMul on these themselves
 * (MatMul has no timing hooks).
 */
final class StepProducts {
    final List<Matrix> xs = new ArrayList<>();
    final List<Matrix> Ws = new ArrayList<>();
    final List<Matrix> douts = new ArrayList<>();
    private final List<Matrix> dWs = new ArrayList<>();

    /**
     * Runs one step by hand (the layers' forward, the loss, the layers' backward) on the batch x, t and keeps
     * each Affine's x, W and dout. The net's parameters are not changed.
     */
    StepProducts(MultiLayerNet net, Matrix x, int[] t) {
        List<Layer> layers = new ArrayList<>(net.layers.values());
        Matrix h = x;
        for (Layer layer : layers) {
            if (layer instanceof Affine) {
                xs.add(h);
                Ws.add(((Affine) layer).W);
                dWs.add(new Matrix(((Affine) layer).W.rows, ((Affine) layer).W.cols));
            }
            h = layer.forward(h, true);
        }
        SoftmaxWithLoss last = new SoftmaxWithLoss();
        last.forward(h, t);
        Matrix dout = last.backward();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Affine) {
                douts.add(0, dout);
            }
            dout = layers.get(i).backward(dout);
        }
    }

    /**
     * The products of one training iteration, as MultiLayerNet's gradient and loss compute them: for each
     * Affine layer x·W twice (gradient and loss), xᵀ·dout, and dout·Wᵀ except for the first layer.
     */
    void runAll() {
        for (int k = 0; k < xs.size(); k++) {
            MatMul.dot(xs.get(k), Ws.get(k));
            MatMul.dot(xs.get(k), Ws.get(k));
            MatMul.dotTransA(xs.get(k), douts.get(k), dWs.get(k));
            if (k > 0) {
                MatMul.dotTransB(douts.get(k), Ws.get(k));
            }
        }
    }
}
