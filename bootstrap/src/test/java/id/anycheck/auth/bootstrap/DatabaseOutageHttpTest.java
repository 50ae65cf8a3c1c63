package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service on PostgreSQL reached through a TCP forwarder that the test cuts and restores:
 * requests get 503 while the database is unreachable, and succeed again once it is back,
 * without a restart. Only the forwarder and a schema of its own are touched, never the server.
 * Skipped when ANYCHECK_TEST_POSTGRES_URL is not set.
 */
class DatabaseOutageHttpTest {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void unreachableDatabaseAnswers503UntilItIsBack() {
        try (PostgresSchema schema = PostgresSchema.create();
                TcpForwarder forwarder = new TcpForwarder(schema.host(), schema.port())) {
            Map<String, String> environment = new HashMap<>(schema.credentials());
            environment.put("ANYCHECK_DB_URL", schema.url("127.0.0.1", forwarder.port()));
            environment.put("ANYCHECK_DB_CONNECTION_TIMEOUT_MS", "500");

            try (TestService service = new TestService(environment)) {
                JavalinTest.test(service.app(), (app, client) -> {
                    Http http = new Http(client);
                    assertThat(http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD).status()).isEqualTo(200);

                    forwarder.cut();
                    Http.Reply login = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
                    Http.Reply ready = http.get("/health/ready");
                    Http.Reply live = http.get("/health");

                    assertThat(login.status()).isEqualTo(503);
                    assertThat(login.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
                    assertThat(login.header("Retry-After")).contains("5");
                    assertThat(ready.status()).isEqualTo(503);
                    assertThat(live.status()).isEqualTo(200);

                    forwarder.restore();
                    awaitReady(http);
                    Http.Reply recovered = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

                    assertThat(recovered.status()).isEqualTo(200);
                });
            }
        }
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
