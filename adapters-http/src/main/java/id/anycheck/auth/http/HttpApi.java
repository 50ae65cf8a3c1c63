package id.anycheck.auth.http;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.StorageUnavailableException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Builds the Javalin application: every route, the authentication filter and the error mapping. */
public final class HttpApi {

    private static final Logger REQUEST_LOG = LoggerFactory.getLogger("id.anycheck.auth.http.requests");

    private HttpApi() {
    }

    /**
     * Creates the application without starting it.
     *
     * @param server further settings such as host and port, applied last
     */
    public static Javalin create(UseCases useCases, HttpSettings settings, Consumer<JavalinConfig> server) {
        AuthRoutes auth = new AuthRoutes(useCases, settings);
        HealthRoutes health = new HealthRoutes(useCases.checkReadiness());
        DocumentationRoutes documentation = new DocumentationRoutes();
        AuthenticationFilter authentication = new AuthenticationFilter(useCases.authenticateAccessToken());
        ErrorMapper errors = new ErrorMapper(settings.maxBodyBytes());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new ServerErrorHandler()));
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.defaultContentType = Envelope.CONTENT_TYPE;

            config.routes.before(RequestIds::assign);
            config.routes.beforeMatched(authentication::handle);

            config.routes.post("/auth/login", auth::logIn, Access.PUBLIC);
            config.routes.post("/auth/refresh", auth::refresh, Access.PUBLIC);
            config.routes.post("/auth/logout", auth::logOut, Access.AUTHENTICATED);
            config.routes.get("/auth/me", auth::me, Access.AUTHENTICATED);
            config.routes.head("/auth/me", auth::me, Access.AUTHENTICATED);
            config.routes.get("/health", health::live, Access.PUBLIC);
            config.routes.get("/health/ready", health::ready, Access.PUBLIC);
            // Javalin serves HEAD on GET routes without their roles or headers, so HEAD is declared.
            config.routes.head("/health", health::live, Access.PUBLIC);
            config.routes.head("/health/ready", health::ready, Access.PUBLIC);
            config.routes.get("/openapi.yaml", documentation::description, Access.PUBLIC);
            config.routes.head("/openapi.yaml", documentation::description, Access.PUBLIC);
            config.routes.get("/docs", documentation::page, Access.PUBLIC);
            config.routes.head("/docs", documentation::page, Access.PUBLIC);
            config.routes.get("/docs/{asset}", documentation::asset, Access.PUBLIC);
            config.routes.head("/docs/{asset}", documentation::asset, Access.PUBLIC);

            config.routes.exception(ApiException.class, errors::apiException);
            config.routes.exception(InvalidInputException.class, errors::invalidInput);
            config.routes.exception(AuthenticationException.class, errors::authentication);
            config.routes.exception(ConflictException.class, errors::conflict);
            config.routes.exception(StorageUnavailableException.class, errors::storageUnavailable);
            config.routes.exception(HttpResponseException.class, errors::javalinResponse);
            config.routes.exception(Exception.class, errors::unexpected);
            config.routes.error(404, errors::bareStatus);
            config.routes.error(405, errors::bareStatus);
            config.routes.error(413, errors::bareStatus);

            config.requestLogger.http((ctx, milliseconds) -> {
                REQUEST_LOG.info("{} {} {} {}ms principal={}", ctx.method(), ctx.path(), ctx.statusCode(),
                        Math.round(milliseconds), AuthenticationFilter.principalIdForLog(ctx));
                MDC.remove(RequestIds.MDC_KEY);
                MDC.remove(AuthenticationFilter.MDC_PRINCIPAL);
            });

            server.accept(config);
        });
    }
}
