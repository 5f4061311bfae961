package dlfs.dataset;

import dlfs.util.UserError;

/** MNIST could not be loaded: a missing, corrupt or malformed file, or a failed download. The message says which and what to do. */
public final class MnistException extends UserError {
    public MnistException(String message) {
        super(message);
    }
}
