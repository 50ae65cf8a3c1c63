package id.anycheck.auth.bootstrap;

import id.anycheck.auth.application.CreateUserCommand;
import id.anycheck.auth.application.CreatedUser;
import id.anycheck.auth.application.ProvisionOrganizationCommand;
import id.anycheck.auth.application.ProvisionedOrganization;
import id.anycheck.auth.application.fakes.MutableClock;
import id.anycheck.auth.domain.user.Role;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fully wired service on a fresh in-memory H2 database, with a low Argon2id cost, a fixed
 * JWT secret and a clock the test controls. Holds one organization with an Admin and a User.
 * Share one per test class as a static {@code @RegisterExtension} field, which closes it after
 * the class; build a new {@link #app()} per test.
 */
final class TestService implements AutoCloseable, AfterAllCallback {

    static final String LOOPBACK = "127.0.0.1";
    static final String JWT_SECRET_BASE64 = "dGVzdCBzZWNyZXQgb2YgYXQgbGVhc3QgMzIgYnl0ZXMgZm9yIEhTMjU2";
    static final String ADMIN_EMAIL = "admin@acme.example";
    static final String ADMIN_PASSWORD = "admin password 1";
    static final String USER_EMAIL = "user@acme.example";
    static final String USER_PASSWORD = "user password 1";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    final Service service;
    final ProvisionedOrganization organization;
    final CreatedUser user;

    TestService() {
        this(Map.of());
    }

    /** @param overrides environment variables that replace the test defaults */
    TestService(Map<String, String> overrides) {
        this(overrides, UnaryOperator.identity());
    }

    /**
     * @param overrides environment variables that replace the test defaults
     * @param adjustment changes to the settings that no environment variable can make
     */
    TestService(Map<String, String> overrides, UnaryOperator<Settings> adjustment) {
        Map<String, String> environment = new HashMap<>(lowCostEnvironment());
        environment.putAll(overrides);
        service = Service.open(adjustment.apply(Settings.fromEnvironment(environment)), clock);
        organization = service.provisionOrganization().provision(new ProvisionOrganizationCommand(
                "Acme", "business", ADMIN_EMAIL, "Ada Admin", Optional.of(ADMIN_PASSWORD)));
        user = service.createUser().create(new CreateUserCommand(organization.organization().id(), USER_EMAIL,
                "Uma User", Optional.of(USER_PASSWORD), Map.of(organization.defaultGroup().id(), Role.USER)));
    }

    /**
     * Settings for tests: a private in-memory database, the cheapest Argon2id cost, and request
     * limits high enough that only the rate limit tests reach them.
     */
    static Map<String, String> lowCostEnvironment() {
        return Map.of(
                "ANYCHECK_DB_URL", "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "ANYCHECK_JWT_SECRET", JWT_SECRET_BASE64,
                "ANYCHECK_ARGON2_MEMORY_KIB", "64",
                "ANYCHECK_ARGON2_ITERATIONS", "1",
                "ANYCHECK_PLAN_LIMITS", "starter=100000,business=100000,enterprise=100000",
                "ANYCHECK_CLIENT_IP_LIMIT_PER_MINUTE", "100000");
    }

    /** Runs {@code body} with the clock moved forward by {@code offset}, then moves the clock back. */
    void withClockAdvanced(Duration offset, Runnable body) {
        Instant start = clock.instant();
        clock.advance(offset);
        try {
            body.run();
        } finally {
            clock.set(start);
        }
    }

    /** Creates the HTTP application on 127.0.0.1, for JavalinTest to start on a free port. */
    Javalin app() {
        return service.httpApp(config -> config.jetty.host = LOOPBACK);
    }

    @Override
    public void close() {
        service.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
