package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on when the identity provider is down, slow or not configured: each request gets
 * a 503 within the configured timeout instead of hanging.
 */
class SingleSignOnOutageHttpTest {

    private static final String AUTH_URL = "/auth/external/entra/auth-url";
    private static final String CALLBACK = "/auth/external/entra/callback";
    private static final int TIMEOUT_MS = 1000;
    /** Upper bound for a 503 caused by the timeout: the timeout plus ample time for the rest of the request. */
    private static final Duration MAX_WAIT = Duration.ofMillis(TIMEOUT_MS).plusSeconds(4);

    @Test
    void closedPortAnswersServiceUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(TestService.LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }
        try (TestService service = new TestService(providerAt(closedPort))) {
            JavalinTest.test(service.app(), (server, client) -> {
                long start = System.nanoTime();
                Http.Reply reply = new Http(client).get(AUTH_URL);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(reply.header("Retry-After")).isPresent();
                assertThat(elapsed).isLessThan(MAX_WAIT);
            });
        }
    }

    @Test
    void silentProviderTimesOut() throws IOException {
        // The socket accepts connections into its backlog but never responds, like a hung server.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName(TestService.LOOPBACK));
                TestService service = new TestService(providerAt(silent.getLocalPort()))) {
            JavalinTest.test(service.app(), (server, client) -> {
                long start = System.nanoTime();
                Http.Reply reply = new Http(client).get(AUTH_URL);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(TIMEOUT_MS));
                assertThat(elapsed).isLessThan(MAX_WAIT);
            });
        }
    }

    @Test
    void providerDownAtCallbackAnswersServiceUnavailable() {
        ServiceClock clock = new ServiceClock();
        TestIdentityProvider provider = new TestIdentityProvider(clock::instant);
        try (TestService service = new TestService(provider.environment(), provider.trusted())) {
            clock.service = service;
            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);
                Http.Reply authUrl = http.get(AUTH_URL);
                assertThat(authUrl.status()).as(authUrl.body()).isEqualTo(200);
                provider.nextClaims(SingleSignOnHttpTest.claims(UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), null, false));
                Map<String, String> redirect = provider.signInAt(authUrl.json().path("auth_url").asText());
                provider.close();

                long start = System.nanoTime();
                Http.Reply reply = http.get(CALLBACK + "?code=" + encode(redirect.get("code")) + "&state="
                        + encode(redirect.get("state")));
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(reply.header("Retry-After")).isPresent();
                assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
            });
        } finally {
            provider.close();
        }
    }

    @Test
    void unconfiguredServerAnswersSsoNotConfigured() {
        try (TestService service = new TestService()) {
            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);

                Http.Reply authUrl = http.get(AUTH_URL);
                Http.Reply callback = http.get(CALLBACK + "?code=a&state=b");
                Http.Reply posted = http.postJson(CALLBACK, Http.json(Map.of("code", "a", "state", "b")));

                assertThat(authUrl.status()).isEqualTo(503);
                assertThat(authUrl.errorCode()).isEqualTo("SSO_NOT_CONFIGURED");
                assertThat(callback.status()).isEqualTo(503);
                assertThat(callback.errorCode()).isEqualTo("SSO_NOT_CONFIGURED");
                assertThat(posted.status()).isEqualTo(503);
                assertThat(posted.errorCode()).isEqualTo("SSO_NOT_CONFIGURED");
            });
        }
    }

    /** Settings that point the service at an HTTPS authority on this port of 127.0.0.1. */
    private static Map<String, String> providerAt(int port) {
        String authority = "https://" + TestService.LOOPBACK + ":" + port + "/entra";
        Map<String, String> environment = new HashMap<>();
        environment.put("ANYCHECK_ENTRA_TENANT_ID", "organizations");
        environment.put("ANYCHECK_ENTRA_CLIENT_ID", TestIdentityProvider.CLIENT_ID);
        environment.put("ANYCHECK_ENTRA_CLIENT_SECRET", TestIdentityProvider.CLIENT_SECRET);
        environment.put("ANYCHECK_ENTRA_REDIRECT_URI", TestIdentityProvider.REDIRECT_URI);
        environment.put("ANYCHECK_ENTRA_AUTHORITY", authority);
        environment.put("ANYCHECK_ENTRA_TIMEOUT_MS", Integer.toString(TIMEOUT_MS));
        return environment;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The provider's clock: the service's test clock once the service exists, the system clock before. */
    private static final class ServiceClock {

        private TestService service;

        Instant instant() {
            return service == null ? Instant.now() : service.clock.instant();
        }
    }
}
