package id.anycheck.auth.http;

import id.anycheck.auth.application.AuthenticateAccessToken;
import id.anycheck.auth.application.apikey.AuthenticateApiKey;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.principal.Principal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import io.javalin.http.Context;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Authenticates every request to a route not marked {@link Access#PUBLIC} before its handler
 * runs, and stores the principal on the request. Routes without a role are protected, which
 * covers the HEAD routes that Javalin derives from GET routes without copying their roles.
 * Thread-safe.
 */
final class AuthenticationFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String MDC_PRINCIPAL = "principal_id";
    static final String MDC_ORGANIZATION = "organization_id";
    private static final String PRINCIPAL = "anycheck.principal";
    private static final String BEARER_SCHEME = "Bearer";

    private final AuthenticateAccessToken authenticateAccessToken;
    private final AuthenticateApiKey authenticateApiKey;

    AuthenticationFilter(AuthenticateAccessToken authenticateAccessToken, AuthenticateApiKey authenticateApiKey) {
        this.authenticateAccessToken = authenticateAccessToken;
        this.authenticateApiKey = authenticateApiKey;
    }

    void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        String apiKey = ctx.header(API_KEY_HEADER);

        if (authorization != null && apiKey != null) {
            throw new ApiException(ErrorCode.AMBIGUOUS_CREDENTIALS);
        }
        if (apiKey != null) {
            remember(ctx, authenticateApiKey.authenticate(apiKey.strip(), Optional.of(ClientAddressResolver.of(ctx))));
            return;
        }
        String[] schemeAndToken = authorization == null ? new String[0] : authorization.strip().split("\\s+", 2);
        if (schemeAndToken.length == 0 || !schemeAndToken[0].equalsIgnoreCase(BEARER_SCHEME)) {
            throw new AuthenticationException(AuthenticationFailure.MISSING_CREDENTIALS, "no bearer token");
        }
        String token = schemeAndToken.length == 2 ? schemeAndToken[1].strip() : "";
        if (token.isEmpty()) {
            throw new AuthenticationException(AuthenticationFailure.TOKEN_INVALID, "empty bearer token");
        }

        remember(ctx, authenticateAccessToken.authenticate(token));
    }

    /**
     * Rejects a user whose access token is limited to MFA enrolment on every route but those
     * marked {@link Access#ENROLLING}. Runs after the rate limit filter, so these requests count.
     *
     * @throws ApiException MFA_ENROLLMENT_REQUIRED
     */
    static void requireMfaEnrollmentWhereDue(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal instanceof UserPrincipal user && user.mfaEnrollmentRequired()
                && !ctx.routeRoles().contains(Access.ENROLLING)) {
            throw new ApiException(ErrorCode.MFA_ENROLLMENT_REQUIRED);
        }
    }

    /**
     * Stores the principal on the request. Responses to authenticated requests carry account
     * data, keys or verification subjects, so no cache may keep them.
     */
    private static void remember(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
        MDC.put(MDC_PRINCIPAL, principal.id());
        MDC.put(MDC_ORGANIZATION, principal.organizationId().toString());
        AuthRoutes.noStore(ctx);
    }

    /** Returns the principal of a protected route; fails loudly if the route is public. */
    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("route " + ctx.endpoint() + " reads a principal but is PUBLIC");
        }
        return principal;
    }

    /** Returns the user behind a route that only users may call; an API key gets 403 FORBIDDEN. */
    static UserPrincipal userPrincipal(Context ctx) {
        if (principal(ctx) instanceof UserPrincipal user) {
            return user;
        }
        throw new ApiException(ErrorCode.FORBIDDEN, "This endpoint needs a user's access token, not an API key.");
    }

    /** Returns the principal of an authenticated request, or empty for a public or rejected one. */
    static Optional<Principal> authenticatedPrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** Returns the principal's user id for logging, or "-" for an anonymous request. */
    static String principalIdForLog(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        return principal == null ? "-" : principal.id();
    }
}
