package dlfs.network;

import dlfs.matrix.Matrix;
import java.util.Map;

/**
 * What {@link Trainer} asks of a network, as the book's common/trainer.py does of whatever it is given: its
 * parameters by the book's keys, their gradients, the loss and the accuracy. Each row of x is one example
 * flattened (a network of images, such as {@link SimpleConvNet}, reshapes the rows to (N, C, H, W) itself).
 */
public interface Network {
    /** "W1", "b1", …: the very matrices the layers use, so the optimizer's in-place update is what they use next. */
    Map<String, Matrix> params();

    /** Gradients by backpropagation under the keys of {@link #params}, in training mode (the book's gradient()). */
    Map<String, Matrix> gradient(Matrix x, int[] t);

    /** The loss in test mode (the book's loss(x, t)). */
    double loss(Matrix x, int[] t);

    /** Share of the rows whose largest score is the label (the book's accuracy(x, t)). */
    double accuracy(Matrix x, int[] t);

    /** Beyond the book: whether a loss this network computed was NaN or infinite (false if it does not track it). */
    default boolean diverged() {
        return false;
    }

    /** Beyond the book: the iteration of the first NaN or infinite loss, or -1 if there was none (or no tracking). */
    default int divergedAt() {
        return -1;
    }
}
