package dlfs.layers;

/**
 * The addition node of a computational graph: out = x + y, and backward passes dout on to both inputs unchanged.
 * Book §5.3.1 and §5.4.2, figure 5-17; port of ch05/layer_naive.py {@code AddLayer}. Like {@link MulLayer} it works
 * on single numbers; it needs no cache.
 */
public final class AddLayer {
    /** out = x + y. */
    public double forward(double x, double y) {
        return x + y;
    }

    /** {dx, dy} = {dout·1, dout·1}: the book's {@code return dx, dy}. */
    public double[] backward(double dout) {
        double dx = dout * 1;
        double dy = dout * 1;
        return new double[] {dx, dy};
    }

    @Override
    public String toString() {
        return "AddLayer";
    }
}
