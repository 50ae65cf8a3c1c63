package id.anycheck.auth.domain.error;

import id.anycheck.auth.domain.mfa.MfaToken;
import java.util.Objects;

/**
 * Thrown by a login whose password was right when the user has MFA on. It carries the MFA
 * token that the client exchanges, with a second factor, for the session's tokens.
 */
public final class MfaRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient MfaToken mfaToken;

    /** @param detail internal detail for logs only, never holding a secret */
    public MfaRequiredException(MfaToken mfaToken, String detail) {
        super(detail, null, false, false);
        this.mfaToken = Objects.requireNonNull(mfaToken, "mfaToken");
    }

    public MfaToken mfaToken() {
        return mfaToken;
    }
}
