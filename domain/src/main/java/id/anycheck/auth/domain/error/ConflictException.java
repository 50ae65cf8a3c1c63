package id.anycheck.auth.domain.error;

/** Thrown when a change would break a uniqueness rule, such as an email already registered. */
public final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message a plain sentence safe to show to the client */
    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
