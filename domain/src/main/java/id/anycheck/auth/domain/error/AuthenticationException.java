package id.anycheck.auth.domain.error;

import java.util.Objects;

/** Thrown when credentials are missing, wrong, expired or revoked. */
public final class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AuthenticationFailure failure;
    private final boolean refreshTokenReuse;

    /**
     * @param detail internal detail for logs only, never shown to the client and never holding
     *     a secret
     */
    public AuthenticationException(AuthenticationFailure failure, String detail) {
        this(failure, detail, false);
    }

    private AuthenticationException(AuthenticationFailure failure, String detail, boolean refreshTokenReuse) {
        super(failure + ": " + detail, null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.refreshTokenReuse = refreshTokenReuse;
    }

    /**
     * Returns the TOKEN_REVOKED failure of a spent refresh token presented again, which revoked
     * its session. Clients see plain TOKEN_REVOKED; operators count these apart.
     */
    public static AuthenticationException refreshTokenReuse(String detail) {
        return new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED, detail, true);
    }

    public AuthenticationFailure failure() {
        return failure;
    }

    /** Returns whether this failure detected the reuse of a spent refresh token. */
    public boolean refreshTokenReuse() {
        return refreshTokenReuse;
    }
}
