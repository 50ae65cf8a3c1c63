package id.anycheck.auth.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.Driver;

/**
 * A new, empty schema on the PostgreSQL server named by ANYCHECK_TEST_POSTGRES_URL, dropped on
 * close. Creating one skips the calling test when that variable is not set.
 */
final class PostgresSchema implements AutoCloseable {

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresSchema(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.name = "t_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + name);
    }

    static PostgresSchema create() {
        String baseUrl = System.getenv("ANYCHECK_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(baseUrl != null && !baseUrl.isBlank(),
                "ANYCHECK_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        return new PostgresSchema(baseUrl, System.getenv().getOrDefault("ANYCHECK_TEST_POSTGRES_USER", ""),
                System.getenv().getOrDefault("ANYCHECK_TEST_POSTGRES_PASSWORD", ""));
    }

    /** Returns the JDBC URL of this schema reached at {@code host:port}, such as a forwarder's. */
    String url(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + server().getProperty("PGDBNAME")
                + "?currentSchema=" + name;
    }

    /** Returns the JDBC URL of this schema on the configured server. */
    String url() {
        return url(host(), port());
    }

    String host() {
        return server().getProperty("PGHOST");
    }

    int port() {
        return Integer.parseInt(server().getProperty("PGPORT"));
    }

    /** Returns ANYCHECK_DB_USER and ANYCHECK_DB_PASSWORD for the service. */
    Map<String, String> credentials() {
        return Map.of("ANYCHECK_DB_USER", user, "ANYCHECK_DB_PASSWORD", password);
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private Properties server() {
        return Driver.parseURL(baseUrl, null);
    }

    private void execute(String sql) {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(baseUrl, properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + sql, e);
        }
    }
}
