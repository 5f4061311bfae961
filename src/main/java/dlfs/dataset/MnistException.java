package dlfs.dataset;

/** MNIST could not be loaded: a missing, corrupt or malformed file, or a failed download. The message says which and what to do. */
public final class MnistException extends RuntimeException {
    public MnistException(String message) {
        super(message);
    }

    public MnistException(String message, Throwable cause) {
        super(message, cause);
    }
}
