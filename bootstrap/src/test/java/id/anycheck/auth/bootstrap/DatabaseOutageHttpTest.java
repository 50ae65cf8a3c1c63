package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * The service on PostgreSQL reached through a TCP forwarder that the test cuts and restores:
 * requests get 503 while the database is unreachable, and succeed again once it is back,
 * without a restart. Only the forwarder and a schema of its own are touched, never the server.
 * Skipped when ANYCHECK_TEST_POSTGRES_URL is not set.
 */
class DatabaseOutageHttpTest {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void unreachableDatabaseAnswers503UntilItIsBack() throws Exception {
        String baseUrl = System.getenv("ANYCHECK_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(baseUrl != null && !baseUrl.isBlank(),
                "ANYCHECK_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        String user = System.getenv().getOrDefault("ANYCHECK_TEST_POSTGRES_USER", "");
        String password = System.getenv().getOrDefault("ANYCHECK_TEST_POSTGRES_PASSWORD", "");
        Properties server = Driver.parseURL(baseUrl, null);
        String schema = "outage_" + UUID.randomUUID().toString().replace("-", "");
        execute(baseUrl, user, password, "CREATE SCHEMA " + schema);

        try (TcpForwarder forwarder = new TcpForwarder(server.getProperty("PGHOST"),
                Integer.parseInt(server.getProperty("PGPORT")))) {
            String forwardedUrl = "jdbc:postgresql://127.0.0.1:" + forwarder.port() + "/"
                    + server.getProperty("PGDBNAME") + "?currentSchema=" + schema;
            try (TestService service = new TestService(Map.of(
                    "ANYCHECK_DB_URL", forwardedUrl,
                    "ANYCHECK_DB_USER", user,
                    "ANYCHECK_DB_PASSWORD", password,
                    "ANYCHECK_DB_CONNECTION_TIMEOUT_MS", "500"))) {
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
        } finally {
            execute(baseUrl, user, password, "DROP SCHEMA " + schema + " CASCADE");
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

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
