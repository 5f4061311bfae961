package dlfs.layers;

import dlfs.matrix.Matrix;

/** Checks shared by the layers. */
final class Layers {
    private Layers() {
    }

    /** Throws unless forward ran and cached a matrix shaped like dout. */
    static void requireCached(String layer, Matrix cache, Matrix dout) {
        if (cache == null) {
            throw new IllegalStateException(layer + ".backward: call forward first");
        }
        if (!cache.sameShape(dout)) {
            throw new IllegalArgumentException(layer + ".backward: dout is " + dout.shape()
                    + " but forward produced " + cache.shape() + " (they must be equal)");
        }
    }
}
