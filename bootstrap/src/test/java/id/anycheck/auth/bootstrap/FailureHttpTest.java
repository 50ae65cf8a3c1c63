package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Responses when the database is broken or gone. Each test uses a service of its own. */
class FailureHttpTest {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void unexpectedErrorHidesInternals() {
        try (TestService service = new TestService(); LogCapture logs = new LogCapture()) {
            service.service.database().jdbi().useHandle(handle -> handle.execute("DROP TABLE sessions"));

            JavalinTest.test(service.app(), (server, client) -> {
                Http.Reply reply = new Http(client).logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

                assertThat(reply.status()).isEqualTo(500);
                assertThat(reply.errorCode()).isEqualTo("INTERNAL_ERROR");
                assertThat(reply.json().path("error").path("message").asText()).isEqualTo("An unexpected error occurred.");
                assertThat(reply.body()).doesNotContainIgnoringCase("sessions").doesNotContain("Exception");
                String requestId = reply.header("X-Request-Id").orElseThrow();
                assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                        .startsWith("ERROR")
                        .contains("request_id=" + requestId)
                        .contains("SESSIONS"));
            });
        }
    }

    @Test
    void databaseDownIsServiceUnavailable() {
        try (TestService service = new TestService()) {
            service.service.database().close();

            JavalinTest.test(service.app(), (server, client) -> assertDatabaseUnavailable(new Http(client)));
        }
    }

    /**
     * Runs the service on PostgreSQL through a TCP forwarder that the test cuts and restores, so
     * that only the forwarder and a schema of its own are touched, never the database server.
     * Requests recover without a restart. Skipped when ANYCHECK_TEST_POSTGRES_URL is not set.
     */
    @Test
    void databaseOutageRecoversWithoutRestart() {
        try (PostgresSchema schema = PostgresSchema.create();
                TcpForwarder forwarder = new TcpForwarder(schema.host(), schema.port())) {
            Map<String, String> environment = new HashMap<>(schema.credentials());
            environment.put("ANYCHECK_DB_URL", schema.url("127.0.0.1", forwarder.port()));
            environment.put("ANYCHECK_DB_CONNECTION_TIMEOUT_MS", "500");

            try (TestService service = new TestService(environment)) {
                JavalinTest.test(service.app(), (server, client) -> {
                    Http http = new Http(client);
                    assertThat(http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD).status()).isEqualTo(200);

                    forwarder.cut();
                    assertDatabaseUnavailable(http);

                    forwarder.restore();
                    awaitReady(http);
                    Http.Reply recovered = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

                    assertThat(recovered.status()).isEqualTo(200);
                });
            }
        }
    }

    /** Checks that requests needing the database get 503 with Retry-After, and liveness stays 200. */
    private static void assertDatabaseUnavailable(Http http) {
        Http.Reply login = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
        Http.Reply ready = http.get("/health/ready");
        Http.Reply live = http.get("/health");

        assertThat(login.status()).isEqualTo(503);
        assertThat(login.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(login.header("Retry-After")).contains("5");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(ready.header("Retry-After")).contains("5");
        assertThat(live.status()).isEqualTo(200);
    }

    /** Polls readiness, as a load balancer would, until the pool has connected again. */
    private static void awaitReady(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get("/health/ready").status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within " + RECOVERY_TIMEOUT + " after the database came back");
    }
}
