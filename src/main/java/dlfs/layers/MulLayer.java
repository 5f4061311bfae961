package dlfs.layers;

/**
 * The multiplication node of a computational graph: out = x·y, and backward swaps the inputs, dx = dout·y and
 * dy = dout·x. Book §5.3.2 and §5.4.1, figure 5-16; port of ch05/layer_naive.py {@code MulLayer}. It works on
 * single numbers, as the book's apple example does; the matrix layers ({@link Affine}, …) implement {@link Layer}.
 */
public final class MulLayer {
    private double x;   // forward cache: x
    private double y;   // forward cache: y
    private boolean forwardDone;

    /** out = x·y; keeps x and y for backward. */
    public double forward(double x, double y) {
        this.x = x;
        this.y = y;
        forwardDone = true;
        return x * y;
    }

    /** {dx, dy} = {dout·y, dout·x}: the book's {@code return dx, dy} (x and y swap places). */
    public double[] backward(double dout) {
        if (!forwardDone) {
            throw new IllegalStateException("MulLayer.backward: call forward first");
        }
        double dx = dout * y;
        double dy = dout * x;
        return new double[] {dx, dy};
    }

    /** "MulLayer x=100.0 y=2.0", the inputs backward multiplies by. */
    @Override
    public String toString() {
        return forwardDone ? "MulLayer x=" + x + " y=" + y : "MulLayer; no forward yet";
    }
}
