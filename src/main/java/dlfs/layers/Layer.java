package dlfs.layers;

import dlfs.matrix.Matrix;

/**
 * A layer of the computational graph with its forward and backward pass (book chapter 5, §5.4–5.6).
 * {@code forward} caches what {@code backward} needs; {@code backward} takes ∂L/∂out and returns ∂L/∂x,
 * writing any parameter gradients into the layer. {@code backward} never changes its argument. A layer may
 * keep the matrix its {@code forward} returns (ReLU and Sigmoid read it back in backward, as in the book), so
 * callers must not change it in place.
 */
public interface Layer {
    Matrix forward(Matrix x);

    Matrix backward(Matrix dout);

    /** Forward pass in training ({@code trainFlg = true}) or test mode; only Dropout and BatchNormalization differ. */
    default Matrix forward(Matrix x, boolean trainFlg) {
        return forward(x);
    }
}
