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

    /** "128x100", or "none" before the first forward pass. */
    protected static String shapeOf(Matrix m) {
        return m == null ? "none" : m.shape();
    }
}
