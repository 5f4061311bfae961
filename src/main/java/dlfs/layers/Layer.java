package dlfs.layers;

import dlfs.matrix.Matrix;

/**
 * A layer of the computational graph with its forward and backward pass (book chapter 5, §5.4–5.6).
 * {@code forward} caches what {@code backward} needs; {@code backward} takes ∂L/∂out and returns ∂L/∂x,
 * writing any parameter gradients into the layer. {@code backward} never changes its argument. A layer may
 * keep the matrix its {@code forward} returns (Sigmoid reads it back in backward, as in the book), so
 * callers must not change it in place.
 *
 * <p>A layer carries the key the network files it under ("Affine1", "Relu1", …, the book's
 * {@code self.layers} keys) and the network's label ("He"), so {@code toString()} says in the debugger which
 * layer of which network is stopped.
 */
public interface Layer {
    Matrix forward(Matrix x);

    Matrix backward(Matrix dout);

    /** Forward pass in training ({@code trainFlg = true}) or test mode; only Dropout and BatchNormalization differ. */
    default Matrix forward(Matrix x, boolean trainFlg) {
        return forward(x);
    }

    /** The book's key for this layer, e.g. "Affine1"; the class name until a network names it. */
    String name();

    /** Sets the key; the network that builds the layer calls this. */
    void name(String name);

    /** Sets the label of the network that holds the layer ("He", "Xavier"), or null for none. */
    void label(String label);
}
