package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Per-client limits of the unauthenticated routes over HTTP, and how the client address is found
 * behind trusted and untrusted proxies. Every request comes from 127.0.0.1, so each test starts
 * its own service to get fresh counters.
 */
class ClientRateLimitHttpTest {

    private static final int CLIENT_LIMIT = 3;

    private final ConcurrentLinkedQueue<String> rejectedScopes = new ConcurrentLinkedQueue<>();

    @Test
    void loginOverClientLimitGets429() {
        try (TestService service = service(Map.of())) {
            JavalinTest.test(app(service), (server, client) -> {
                Http http = new Http(client);
                for (int i = 0; i < CLIENT_LIMIT; i++) {
                    Http.Reply failed = http.logIn(TestService.USER_EMAIL, "wrong password " + i);
                    assertThat(failed.status()).isEqualTo(401);
                    assertThat(failed.header("X-RateLimit-Limit")).contains(Integer.toString(CLIENT_LIMIT));
                    assertThat(failed.header("X-RateLimit-Remaining")).contains(Integer.toString(CLIENT_LIMIT - 1 - i));
                }

                Http.Reply rejected = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

                assertThat(rejected.status()).isEqualTo(429);
                assertThat(rejected.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(rejected.header("X-RateLimit-Remaining")).contains("0");
                assertThat(Long.parseLong(rejected.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
                assertThat(rejected.header("RateLimit-Policy")).contains("\"client_ip\";q=3;w=60");
                assertThat(rejectedScopes).containsExactly("client_ip");
            });
        }
    }

    @Test
    void refreshSharesClientLimit() {
        try (TestService service = service(Map.of())) {
            JavalinTest.test(app(service), (server, client) -> {
                Http http = new Http(client);
                String refreshToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD)
                        .data().path("refresh_token").asText();
                Http.Reply refreshed = http.refresh(refreshToken);
                http.refresh("garbage");

                Http.Reply rejected = http.refresh(refreshed.data().path("refresh_token").asText());

                assertThat(refreshed.status()).isEqualTo(200);
                assertThat(refreshed.header("X-RateLimit-Remaining")).contains("1");
                assertThat(rejected.status()).isEqualTo(429);
                assertThat(rejected.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
            });
        }
    }

    @Test
    void singleSignOnSharesClientLimit() {
        try (TestService service = service(Map.of())) {
            JavalinTest.test(app(service), (server, client) -> {
                Http http = new Http(client);
                http.logIn(TestService.USER_EMAIL, "wrong password");
                Http.Reply authUrl = http.get("/auth/external/entra/auth-url");
                Http.Reply callback = http.postJson("/auth/external/entra/callback",
                        Http.json(Map.of("code", "a", "state", "b")));

                Http.Reply rejected = http.get("/auth/external/entra/callback?code=a&state=b");

                assertThat(authUrl.header("X-RateLimit-Remaining")).contains("1");
                assertThat(callback.header("X-RateLimit-Remaining")).contains("0");
                assertThat(rejected.status()).isEqualTo(429);
                assertThat(rejected.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
            });
        }
    }

    @Test
    void spoofedForwardedForChangesNothing() {
        try (TestService service = service(Map.of())) {
            JavalinTest.test(app(service), (server, client) -> {
                Http http = new Http(client);
                for (int i = 0; i < CLIENT_LIMIT; i++) {
                    logInFrom(http, "198.51.100." + i);
                }

                Http.Reply spoofed = logInFrom(http, "203.0.113.77");

                assertThat(spoofed.status()).isEqualTo(429);
            });
        }
    }

    @Test
    void forwardedForIsIgnoredFromUntrustedProxy() {
        try (TestService service = service(Map.of("ANYCHECK_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1"))) {
            JavalinTest.test(app(service), (server, client) -> {
                Http http = new Http(client);
                for (int i = 0; i < CLIENT_LIMIT; i++) {
                    logInFrom(http, "10.0.0." + i);
                }

                Http.Reply rejected = logInFrom(http, "10.0.0.99");

                assertThat(rejected.status()).isEqualTo(429);
            });
        }
    }

    @Test
    void trustedProxyForwardsClientAddress() {
        try (TestService service = service(Map.of("ANYCHECK_TRUSTED_PROXIES", "127.0.0.1"))) {
            JavalinTest.test(app(service), (server, client) -> {
                Http http = new Http(client);
                for (int i = 0; i < CLIENT_LIMIT; i++) {
                    Http.Reply reply = logInFrom(http, "198.51.100.7");
                    assertThat(reply.status()).isEqualTo(401);
                }

                Http.Reply sameClient = logInFrom(http, "198.51.100.7");
                Http.Reply spoofedLeftEntry = logInFrom(http, "203.0.113.5, 198.51.100.7");
                Http.Reply otherClient = logInFrom(http, "198.51.100.8");

                assertThat(sameClient.status()).isEqualTo(429);
                assertThat(spoofedLeftEntry.status()).as("the proxy appended the real client").isEqualTo(429);
                assertThat(otherClient.status()).isEqualTo(401);
                assertThat(otherClient.header("X-RateLimit-Remaining")).contains(Integer.toString(CLIENT_LIMIT - 1));
            });
        }
    }

    @Test
    void windowResetsAfterRetryAfter() throws InterruptedException {
        Duration window = Duration.ofSeconds(1);
        try (TestService service = new TestService(Map.of("ANYCHECK_CLIENT_IP_LIMIT_PER_MINUTE", "1"),
                settings -> settings.withRateLimits(withWindow(settings.rateLimits(), window)))) {
            JavalinTest.test(app(service), (server, client) -> {
                Http http = new Http(client);
                Http.Reply first = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
                Http.Reply rejected = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
                assertThat(first.status()).isEqualTo(200);
                assertThat(rejected.status()).isEqualTo(429);
                long retryAfter = Long.parseLong(rejected.header("Retry-After").orElseThrow());
                assertThat(retryAfter).isEqualTo(1);
                assertThat(Long.parseLong(rejected.header("X-RateLimit-Reset").orElseThrow()))
                        .isEqualTo(service.clock.instant().getEpochSecond() + retryAfter);

                TimeUnit.SECONDS.sleep(retryAfter);
                Http.Reply afterReset = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

                assertThat(afterReset.status()).isEqualTo(200);
                assertThat(afterReset.header("X-RateLimit-Remaining")).contains("0");
            });
        }
    }

    @Test
    void draftFieldsCanBeTurnedOff() {
        try (TestService service = service(Map.of("ANYCHECK_RATE_LIMIT_DRAFT_FIELDS", "false"))) {
            JavalinTest.test(app(service), (server, client) -> {
                Http.Reply reply = new Http(client).logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.header("X-RateLimit-Limit")).contains(Integer.toString(CLIENT_LIMIT));
                assertThat(reply.header("RateLimit-Policy")).isEmpty();
                assertThat(reply.header("RateLimit")).isEmpty();
            });
        }
    }

    private static TestService service(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(overrides);
        environment.put("ANYCHECK_CLIENT_IP_LIMIT_PER_MINUTE", Integer.toString(CLIENT_LIMIT));
        return new TestService(environment);
    }

    private static RateLimitSettings withWindow(RateLimitSettings settings, Duration window) {
        return new RateLimitSettings(settings.planLimits(), settings.clientLimitPerMinute(), settings.quotaCacheTime(),
                settings.maxCounters(), window);
    }

    private Javalin app(TestService service) {
        return RateLimitHttpTest.appRecordingRejections(service, rejectedScopes);
    }

    /** Sends a login with a wrong password and the given {@code X-Forwarded-For} header. */
    private static Http.Reply logInFrom(Http http, String forwardedFor) {
        byte[] body = Http.json(Map.of("email", TestService.USER_EMAIL, "password", "wrong password"))
                .getBytes(StandardCharsets.UTF_8);
        return http.send("POST", "/auth/login", "application/json", body, "X-Forwarded-For", forwardedFor);
    }
}
