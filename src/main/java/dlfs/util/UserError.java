package dlfs.util;

/**
 * An error the user can fix: a wrong option or value, MNIST missing with no network, a figures folder that
 * cannot be written. The launcher and every experiment main print only its message on stderr and exit with
 * status 2; any other exception is a bug and keeps its stack trace.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
