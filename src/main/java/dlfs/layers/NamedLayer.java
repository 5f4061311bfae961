package dlfs.layers;

import dlfs.matrix.Matrix;

/**
 * The name and network label every layer shows in the debugger: {@code Affine2 (He)}. The network that builds
 * a layer names it with the book's key; a layer built on its own is called by its class name.
 */
public abstract class NamedLayer {
    private String name = getClass().getSimpleName();   // the book's key, e.g. "Affine1"
    private String label;                               // the network's label, e.g. "He", or null

    public final String name() {
        return name;
    }

    public final void name(String name) {
        this.name = name;
    }

    public final void label(String label) {
        this.label = label;
    }

    /** "Affine2 (He)", or "Affine2" without a label: the start of every layer's toString(). */
    protected final String title() {
        return label == null ? name : name + " (" + label + ")";
    }

    /**
     * The one check every backward starts with: forward has run and cached what backward reads, and dout has the
     * shape forward's output had (rows×cols); a null dout (SoftmaxWithLoss, whose backward takes none) is not
     * checked.
     */
    protected final void requireForward(boolean ran, int rows, int cols, Matrix dout) {
        if (!ran) {
            throw new IllegalStateException(name + ".backward: call forward first (backward reads what the last"
                    + " training-mode forward cached)");
        }
        if (dout != null && (dout.rows != rows || dout.cols != cols)) {
            throw new IllegalArgumentException(name + ".backward: dout is " + dout.shape() + " but forward produced "
                    + rows + "x" + cols + " (they must be equal)");
        }
    }

    /** {@link #requireForward(boolean, int, int, Matrix)} for a layer that caches a matrix shaped like its output. */
    protected final void requireForward(Matrix cache, Matrix dout) {
        requireForward(cache != null, cache == null ? 0 : cache.rows, cache == null ? 0 : cache.cols, dout);
    }

    /** {@link #requireForward(boolean, int, int, Matrix)} for a layer that caches a mask shaped like its output. */
    protected final void requireForward(boolean[][] mask, Matrix dout) {
        requireForward(mask != null, mask == null ? 0 : mask.length, mask == null ? 0 : mask[0].length, dout);
    }

    /** "128x100", or "none" before the first forward pass. */
    protected static String shapeOf(Matrix m) {
        return m == null ? "none" : m.shape();
    }
}
