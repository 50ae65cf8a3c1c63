package id.anycheck.auth.domain.error;

import java.util.Objects;

/** Thrown by the identity provider port when a single sign-on step fails. */
public final class IdentityProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Cause of the failure. */
    public enum Reason {
        /** The provider could not be reached or did not respond in time, so the client may retry. */
        UNREACHABLE,
        /** The provider rejected the authorization code, for example because it was used or has expired. */
        CODE_REJECTED,
        /** The ID token failed validation: signature, issuer, audience, nonce, expiry or a missing claim. */
        ID_TOKEN_INVALID
    }

    private final Reason reason;

    /** @param detail internal detail for logs only, never holding a code or a token */
    public IdentityProviderException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public IdentityProviderException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public Reason reason() {
        return reason;
    }
}
