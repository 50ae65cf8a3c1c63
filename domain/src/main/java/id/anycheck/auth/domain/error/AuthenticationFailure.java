package id.anycheck.auth.domain.error;

/** Reason a request could not be authenticated. Each value maps to one public error code. */
public enum AuthenticationFailure {
    /** No credentials were presented on a protected route. */
    MISSING_CREDENTIALS,
    /** Unknown email, wrong password, or an account that cannot log in. */
    INVALID_CREDENTIALS,
    /** A well-formed, correctly signed token past its expiry. */
    TOKEN_EXPIRED,
    /** A token that is malformed, wrongly signed, or not meant for this use. */
    TOKEN_INVALID,
    /** A token of a session that was logged out or revoked. */
    TOKEN_REVOKED,
    /** An API key that is malformed, unknown, revoked, expired, or of an inactive organization. */
    INVALID_API_KEY,
    /** A wrong, reused or expired TOTP or recovery code, or an unknown, spent or expired MFA token. */
    INVALID_MFA_CODE
}
