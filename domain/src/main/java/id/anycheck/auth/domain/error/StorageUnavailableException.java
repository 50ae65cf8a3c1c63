package id.anycheck.auth.domain.error;

/**
 * Thrown by a port when its storage cannot be reached (connection refused, pool exhausted,
 * timeout). The request can be retried later; nothing was committed.
 */
public final class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
