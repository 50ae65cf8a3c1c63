package id.anycheck.auth.domain.error;

import java.util.Objects;

/** Thrown when credentials are missing, wrong, expired or revoked. */
public final class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AuthenticationFailure failure;

    /**
     * @param detail internal detail for logs only, never shown to the client and never holding
     *     a secret
     */
    public AuthenticationException(AuthenticationFailure failure, String detail) {
        super(failure + ": " + detail, null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public AuthenticationFailure failure() {
        return failure;
    }
}
