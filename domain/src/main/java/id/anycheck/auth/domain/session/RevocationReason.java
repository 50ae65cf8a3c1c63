package id.anycheck.auth.domain.session;

/** Reason a session stopped working before its refresh token expired. */
public enum RevocationReason {
    LOGOUT,
    /** A spent refresh token was presented again, so the token may have been stolen. */
    REFRESH_TOKEN_REUSE,
    /** The user was deactivated, which ends all their sessions at once. */
    USER_DEACTIVATED,
    /** An Admin reset the user's password, which ends all their sessions at once. */
    PASSWORD_RESET,
    /** The user changed their password, which ends all their other sessions. */
    PASSWORD_CHANGED
}
