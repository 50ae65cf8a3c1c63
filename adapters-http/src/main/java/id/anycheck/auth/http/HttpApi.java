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
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the Javalin application: every route, the authentication and rate limit filters and the
 * error mapping.
 */
public final class HttpApi {

    private static final Logger REQUEST_LOG = LoggerFactory.getLogger("id.anycheck.auth.http.requests");

    private HttpApi() {
    }

    /**
     * Creates the application without starting it.
     *
     * @param metrics the registry behind {@code GET /metrics}, which also records every request
     * @param server further settings such as host and port, applied last
     */
    public static Javalin create(UseCases useCases, HttpSettings settings, Clock clock, HttpMetrics metrics,
            Consumer<JavalinConfig> server) {
        AuthRoutes auth = new AuthRoutes(useCases, settings);
        MfaRoutes mfa = new MfaRoutes(useCases, settings);
        ApiKeyRoutes apiKeys = new ApiKeyRoutes(useCases, settings, clock);
        OrganizationRoutes organizations = new OrganizationRoutes(useCases, settings);
        GroupRoutes groups = new GroupRoutes(useCases, settings);
        UserRoutes users = new UserRoutes(useCases, settings);
        AuditEventRoutes auditEvents = new AuditEventRoutes(useCases.listAuditEvents());
        VerificationRoutes verifications = new VerificationRoutes(useCases, settings);
        SingleSignOnRoutes singleSignOn = new SingleSignOnRoutes(useCases, settings);
        HealthRoutes health = new HealthRoutes(useCases.checkReadiness());
        DocumentationRoutes documentation = new DocumentationRoutes();
        AuthenticationFilter authentication = new AuthenticationFilter(
                useCases.authenticateAccessToken(), useCases.authenticateApiKey());
        ClientAddressResolver clientAddresses = new ClientAddressResolver(settings.trustedProxies());
        RateLimitFilter rateLimits = new RateLimitFilter(useCases.applyRateLimits(), clientAddresses,
                new RateLimitHeaders(settings.rateLimitDraftFields()));
        ErrorMapper errors = new ErrorMapper(settings.maxBodyBytes());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new ServerErrorHandler()));
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.defaultContentType = Envelope.CONTENT_TYPE;

            config.routes.before(RequestIds::assign);
            config.routes.before(clientAddresses::remember);
            config.routes.beforeMatched(authentication::handle);
            config.routes.beforeMatched(rateLimits::handle);
            config.routes.beforeMatched(AuthenticationFilter::requireMfaEnrollmentWhereDue);

            config.routes.post("/auth/login", auth::logIn, Access.PUBLIC);
            config.routes.post("/auth/refresh", auth::refresh, Access.PUBLIC);
            config.routes.post("/auth/logout", auth::logOut, Access.ENROLLING);
            config.routes.get("/auth/me", auth::me, Access.ENROLLING);
            config.routes.head("/auth/me", auth::me, Access.ENROLLING);
            config.routes.post("/auth/password", auth::changePassword, Access.ENROLLING);
            config.routes.post("/auth/mfa/totp", mfa::enrol, Access.ENROLLING);
            config.routes.post("/auth/mfa/totp/confirm", mfa::confirm, Access.ENROLLING);
            config.routes.delete("/auth/mfa/totp", mfa::disable, Access.AUTHENTICATED);
            config.routes.post("/auth/mfa/verify", mfa::verify, Access.PUBLIC);
            config.routes.get("/auth/external/entra/auth-url", singleSignOn::authUrl, Access.PUBLIC);
            config.routes.get("/auth/external/entra/callback", singleSignOn::callbackWithQuery, Access.PUBLIC);
            config.routes.post("/auth/external/entra/callback", singleSignOn::callbackWithBody, Access.PUBLIC);
            config.routes.get("/api-keys", apiKeys::list, Access.AUTHENTICATED);
            config.routes.post("/api-keys", apiKeys::issue, Access.AUTHENTICATED);
            config.routes.post("/api-keys/{id}/rotate", apiKeys::rotate, Access.AUTHENTICATED);
            config.routes.delete("/api-keys/{id}", apiKeys::revoke, Access.AUTHENTICATED);
            config.routes.get("/organizations/current", organizations::show, Access.AUTHENTICATED);
            config.routes.patch("/organizations/current", organizations::update, Access.AUTHENTICATED);
            config.routes.get("/groups", groups::list, Access.AUTHENTICATED);
            config.routes.post("/groups", groups::create, Access.AUTHENTICATED);
            config.routes.get("/groups/{id}", groups::show, Access.AUTHENTICATED);
            config.routes.patch("/groups/{id}", groups::update, Access.AUTHENTICATED);
            config.routes.delete("/groups/{id}", groups::delete, Access.AUTHENTICATED);
            config.routes.get("/groups/{id}/services", groups::services, Access.AUTHENTICATED);
            config.routes.put("/groups/{id}/services", groups::setServices, Access.AUTHENTICATED);
            config.routes.get("/users", users::list, Access.AUTHENTICATED);
            config.routes.post("/users", users::create, Access.AUTHENTICATED);
            config.routes.get("/users/{id}", users::show, Access.AUTHENTICATED);
            config.routes.patch("/users/{id}", users::update, Access.AUTHENTICATED);
            config.routes.delete("/users/{id}", users::deactivate, Access.AUTHENTICATED);
            config.routes.post("/users/{id}/password-reset", users::resetPassword, Access.AUTHENTICATED);
            config.routes.post("/users/{id}/unlock", users::unlock, Access.AUTHENTICATED);
            config.routes.get("/audit-events", auditEvents::list, Access.AUTHENTICATED);
            config.routes.put("/users/{id}/memberships/{groupId}", users::setMembership, Access.AUTHENTICATED);
            config.routes.delete("/users/{id}/memberships/{groupId}", users::removeMembership, Access.AUTHENTICATED);
            config.routes.post("/verifications", verifications::create, Access.AUTHENTICATED);
            config.routes.get("/verifications", verifications::list, Access.AUTHENTICATED);
            config.routes.get("/verifications/{id}", verifications::show, Access.AUTHENTICATED);
            config.routes.get("/health", health::live, Access.PUBLIC);
            config.routes.get("/health/ready", health::ready, Access.PUBLIC);
            // Javalin serves HEAD on GET routes without their roles or headers, so HEAD is declared.
            config.routes.head("/health", health::live, Access.PUBLIC);
            config.routes.head("/health/ready", health::ready, Access.PUBLIC);
            // Public for the authentication filter: the handler checks the metrics token itself.
            config.routes.get("/metrics", metrics::scrape, Access.PUBLIC);
            config.routes.head("/metrics", metrics::scrape, Access.PUBLIC);
            config.routes.get("/openapi.yaml", documentation::description, Access.PUBLIC);
            config.routes.head("/openapi.yaml", documentation::description, Access.PUBLIC);
            config.routes.get("/docs", documentation::page, Access.PUBLIC);
            config.routes.head("/docs", documentation::page, Access.PUBLIC);
            config.routes.get("/docs/{asset}", documentation::asset, Access.PUBLIC);
            config.routes.head("/docs/{asset}", documentation::asset, Access.PUBLIC);

            config.routes.exception(ApiException.class, errors::apiException);
            config.routes.exception(InvalidInputException.class, errors::invalidInput);
            config.routes.exception(AuthenticationException.class, errors::authentication);
            config.routes.exception(LoginLockedException.class, errors::loginLocked);
            config.routes.exception(MfaRequiredException.class, errors::mfaRequired);
            config.routes.exception(ForbiddenException.class, errors::forbidden);
            config.routes.exception(NotFoundException.class, errors::notFound);
            config.routes.exception(ServiceNotEnabledException.class, errors::serviceNotEnabled);
            config.routes.exception(SingleSignOnNotConfiguredException.class, errors::singleSignOnNotConfigured);
            config.routes.exception(IdentityProviderException.class, errors::identityProvider);
            config.routes.exception(ConflictException.class, errors::conflict);
            config.routes.exception(StorageUnavailableException.class, errors::storageUnavailable);
            config.routes.exception(HttpResponseException.class, errors::javalinResponse);
            config.routes.exception(Exception.class, errors::unexpected);
            config.routes.error(404, errors::bareStatus);
            config.routes.error(405, errors::bareStatus);
            config.routes.error(413, errors::bareStatus);

            config.requestLogger.http((ctx, milliseconds) -> {
                metrics.record(ctx, milliseconds);
                if (REQUEST_LOG.isInfoEnabled()) {
                    REQUEST_LOG.info("{} {} {} {}ms principal={} client={}", ctx.method(), ctx.path(),
                            ctx.statusCode(), Math.round(milliseconds), AuthenticationFilter.principalIdForLog(ctx),
                            ClientAddressResolver.of(ctx));
                }
                MDC.remove(RequestIds.MDC_KEY);
                MDC.remove(AuthenticationFilter.MDC_PRINCIPAL);
                MDC.remove(AuthenticationFilter.MDC_ORGANIZATION);
            });

            server.accept(config);
        });
    }
}
