package id.anycheck.auth.http;

import id.anycheck.auth.application.verification.ServiceNotEnabledException;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.error.IdentityProviderException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.LoginLockedException;
import id.anycheck.auth.domain.error.MfaRequiredException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.error.SingleSignOnNotConfiguredException;
import id.anycheck.auth.domain.error.StorageUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception and every bare error status to the error envelope, in one place. */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final String REALM = "Bearer realm=\"anycheck-auth\"";
    private static final String RETRY_AFTER_SECONDS = "5";
    /** Detail under which Javalin 7.1 lists the methods of the path in its 405 exception. */
    private static final String JAVALIN_ALLOWED_METHODS = "availableMethods";

    private final long maxBodyBytes;

    ErrorMapper(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void apiException(ApiException e, Context ctx) {
        if (e.code().status() == 401) {
            ctx.header("WWW-Authenticate", REALM);
        }
        Envelope.failure(ctx, e.code(), e.publicMessage(), e.details());
    }

    void invalidInput(InvalidInputException e, Context ctx) {
        Envelope.failure(ctx, ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(), e.problems());
    }

    void authentication(AuthenticationException e, Context ctx) {
        ErrorCode code = switch (e.failure()) {
            case MISSING_CREDENTIALS -> ErrorCode.UNAUTHORIZED;
            case INVALID_CREDENTIALS -> ErrorCode.INVALID_CREDENTIALS;
            case TOKEN_EXPIRED -> ErrorCode.TOKEN_EXPIRED;
            case TOKEN_INVALID -> ErrorCode.TOKEN_INVALID;
            case TOKEN_REVOKED -> ErrorCode.TOKEN_REVOKED;
            case INVALID_API_KEY -> ErrorCode.INVALID_API_KEY;
            case INVALID_MFA_CODE -> ErrorCode.INVALID_MFA_CODE;
        };
        if (e.refreshTokenReuse()) {
            ctx.attribute(HttpMetrics.REFRESH_TOKEN_REUSE_ATTRIBUTE, Boolean.TRUE);
        }
        boolean tokenProblem = code == ErrorCode.TOKEN_EXPIRED || code == ErrorCode.TOKEN_INVALID
                || code == ErrorCode.TOKEN_REVOKED;
        ctx.header("WWW-Authenticate", tokenProblem ? REALM + ", error=\"invalid_token\"" : REALM);
        LOG.debug("Authentication failed: {}", e.getMessage());
        Envelope.failure(ctx, code, code.defaultMessage(), List.of());
    }

    /**
     * Writes 429 ACCOUNT_LOCKED for a login that the lockout rejected. A locked email and a client
     * address locked for every email differ only in the message, and neither tells known emails
     * from unknown ones.
     */
    void loginLocked(LoginLockedException e, Context ctx) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        LOG.debug("Login refused: {}", e.getMessage());
        String message = e.clientLocked()
                ? "Too many failed logins from this network. Retry after the time in the Retry-After header."
                : ErrorCode.ACCOUNT_LOCKED.defaultMessage();
        Envelope.failure(ctx, ErrorCode.ACCOUNT_LOCKED, message, List.of());
    }

    void mfaRequired(MfaRequiredException e, Context ctx) {
        ctx.header("WWW-Authenticate", REALM);
        LOG.debug("Login needs a second factor: {}", e.getMessage());
        Envelope.mfaRequired(ctx, e.mfaToken().value());
    }

    void forbidden(ForbiddenException e, Context ctx) {
        Envelope.failure(ctx, ErrorCode.FORBIDDEN, e.getMessage(), List.of());
    }

    void notFound(NotFoundException e, Context ctx) {
        Envelope.failure(ctx, ErrorCode.NOT_FOUND, e.getMessage(), List.of());
    }

    void serviceNotEnabled(ServiceNotEnabledException e, Context ctx) {
        Envelope.failure(ctx, ErrorCode.SERVICE_NOT_ENABLED, e.getMessage(), List.of());
    }

    void singleSignOnNotConfigured(SingleSignOnNotConfiguredException e, Context ctx) {
        Envelope.failure(ctx, ErrorCode.SSO_NOT_CONFIGURED, ErrorCode.SSO_NOT_CONFIGURED.defaultMessage(), List.of());
    }

    void identityProvider(IdentityProviderException e, Context ctx) {
        if (e.reason() == IdentityProviderException.Reason.UNREACHABLE) {
            LOG.warn("Identity provider unavailable during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            serviceUnavailable(ctx);
            return;
        }
        LOG.info("Single sign-on failed during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("WWW-Authenticate", REALM);
        Envelope.failure(ctx, ErrorCode.SSO_CODE_REJECTED, ErrorCode.SSO_CODE_REJECTED.defaultMessage(), List.of());
    }

    void conflict(ConflictException e, Context ctx) {
        Envelope.failure(ctx, ErrorCode.CONFLICT, e.getMessage(), List.of());
    }

    void storageUnavailable(StorageUnavailableException e, Context ctx) {
        LOG.warn("Database unavailable during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        serviceUnavailable(ctx);
    }

    static void serviceUnavailable(Context ctx) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        Envelope.failure(ctx, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE.defaultMessage(), List.of());
    }

    /** Javalin's own responses, such as a body over the configured maximum size. */
    void javalinResponse(HttpResponseException e, Context ctx) {
        String allowedMethods = e.getDetails().get(JAVALIN_ALLOWED_METHODS);
        if (e.getStatus() == 405 && allowedMethods != null) {
            ctx.header("Allow", allowedMethods.replaceAll("[\\[\\]]", ""));
        }
        writeForStatus(ctx, e.getStatus());
    }

    void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected error in {} {}", ctx.method(), ctx.path(), e);
        Envelope.failure(ctx, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), List.of());
    }

    /** Gives a bare error status set by Javalin (unknown route, wrong method) its envelope. */
    void bareStatus(Context ctx) {
        if (ctx.attribute(Envelope.WRITTEN) == null) {
            writeForStatus(ctx, ctx.statusCode());
        }
    }

    private void writeForStatus(Context ctx, int status) {
        switch (status) {
            case 404 -> Envelope.failure(ctx, ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.defaultMessage(), List.of());
            case 405 -> Envelope.failure(ctx, ErrorCode.METHOD_NOT_ALLOWED,
                    ErrorCode.METHOD_NOT_ALLOWED.defaultMessage(), List.of());
            case 413 -> Envelope.failure(ctx, ErrorCode.PAYLOAD_TOO_LARGE, JsonBody.tooLarge(maxBodyBytes), List.of());
            case 400 -> Envelope.failure(ctx, ErrorCode.VALIDATION_ERROR,
                    ErrorCode.VALIDATION_ERROR.defaultMessage(), List.of());
            case 503 -> serviceUnavailable(ctx);
            default -> {
                LOG.error("Unmapped error status {} in {} {}", status, ctx.method(), ctx.path());
                Envelope.failure(ctx, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), List.of());
            }
        }
    }
}
