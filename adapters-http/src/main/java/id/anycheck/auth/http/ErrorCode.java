package id.anycheck.auth.http;

/**
 * Public error codes with their HTTP status and default message. Codes and the messages that
 * the API reference prints are a contract that clients match on: add codes, never rename them.
 */
public enum ErrorCode {
    VALIDATION_ERROR(400, "The request is invalid."),
    /** The request line or headers could not be parsed as HTTP. */
    MALFORMED_REQUEST(400, "The request line or headers are malformed."),
    AMBIGUOUS_CREDENTIALS(400, "Send either an Authorization header or an X-API-Key header, not both."),
    UNAUTHORIZED(401, "Authentication is required."),
    INVALID_CREDENTIALS(401, "Email or password is incorrect"),
    TOKEN_EXPIRED(401, "Your session has expired. Please login again."),
    TOKEN_INVALID(401, "The token is invalid."),
    TOKEN_REVOKED(401, "The token has been revoked. Please login again."),
    INVALID_API_KEY(401, "API key is invalid or inactive"),
    MFA_REQUIRED(401, "A second factor is required to complete the login."),
    INVALID_MFA_CODE(401, "The verification code is invalid or expired."),
    /** The identity provider rejected the authorization code, or its ID token failed validation. */
    SSO_CODE_REJECTED(401, "The sign-in code was rejected. Start the sign-in again."),
    FORBIDDEN(403, "Your role does not allow this action."),
    SERVICE_NOT_ENABLED(403, "This verification service is not enabled for the group."),
    /**
     * The organization requires MFA and the access token was issued before the user turned it on.
     * Only the enrolment routes, /auth/me, /auth/logout and /auth/password work until then.
     */
    MFA_ENROLLMENT_REQUIRED(403, "Your organization requires multi-factor authentication. Enrol an authenticator"
            + " with POST /auth/mfa/totp and POST /auth/mfa/totp/confirm, then refresh your tokens."),
    NOT_FOUND(404, "The requested resource was not found."),
    METHOD_NOT_ALLOWED(405, "This method is not allowed on this path."),
    CONFLICT(409, "The request conflicts with the current state."),
    PAYLOAD_TOO_LARGE(413, "The request body is too large."),
    URI_TOO_LONG(414, "The request URI is too long."),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be JSON with Content-Type: application/json."),
    RATE_LIMIT_EXCEEDED(429, "Too many requests. Retry after the time in the Retry-After header."),
    ACCOUNT_LOCKED(429, "Too many failed logins. Retry after the time in the Retry-After header."),
    HEADERS_TOO_LARGE(431, "The request headers are too large."),
    INTERNAL_ERROR(500, "An unexpected error occurred."),
    SERVICE_UNAVAILABLE(503, "The service is temporarily unavailable. Please retry later."),
    SSO_NOT_CONFIGURED(503, "Single sign-on is not configured on this server.");

    private final int status;
    private final String defaultMessage;

    ErrorCode(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
