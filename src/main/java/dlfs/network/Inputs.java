package dlfs.network;

import dlfs.functions.Labels;
import dlfs.matrix.Matrix;

/** The checks a network applies to its inputs x and one-hot labels t, with messages that name what is wrong. */
final class Inputs {
    private Inputs() {
    }

    /** The input every public method of a network passes through predict: inputSize columns, finite values. */
    static void requireInput(Matrix x, int inputSize) {
        if (x.cols != inputSize) {
            throw new IllegalArgumentException("MultiLayerNet: x is " + x.shape() + " but the network takes "
                    + inputSize + " inputs (x.cols must equal inputSize)");
        }
        if (!x.hasNonFinite()) {
            return;
        }
        for (int i = 0; i < x.rows; i++) {                 // find the bad value for the message
            double[] row = x.data[i];
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("MultiLayerNet: x[" + i + "][" + j + "] = " + row[j]
                            + " (input must be finite)");
                }
            }
        }
    }

    static int[] oneHotToIndex(String op, Matrix t, int outputSize) {
        if (t.cols != outputSize) {
            throw new IllegalArgumentException(op + ": one-hot t is " + t.shape() + " but the network has "
                    + outputSize + " outputs (t.cols must equal outputSize)");
        }
        for (int n = 0; n < t.rows; n++) {
            double sum = 0;
            for (double v : t.data[n]) {
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(op + ": t[" + n + "] is not one-hot (has value " + v + ")");
                }
                sum += v;
            }
            if (sum != 1) {
                throw new IllegalArgumentException(op + ": t[" + n + "] is not one-hot (has " + (int) sum + " ones)");
            }
        }
        return Labels.fromOneHot(t);
    }
}
