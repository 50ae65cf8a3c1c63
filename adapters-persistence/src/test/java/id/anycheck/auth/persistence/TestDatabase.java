package id.anycheck.auth.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * A migrated database for one test class: H2 in memory, or a freshly created schema of the
 * PostgreSQL server named by {@value #POSTGRES_URL_VARIABLE}. Closing it drops all its data.
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "ANYCHECK_TEST_POSTGRES_URL";
    static final String POSTGRES_USER_VARIABLE = "ANYCHECK_TEST_POSTGRES_USER";
    static final String POSTGRES_PASSWORD_VARIABLE = "ANYCHECK_TEST_POSTGRES_PASSWORD";

    /** Large enough that each of the 20 threads of the concurrent rotation test gets its own connection. */
    private static final int POOL_SIZE = 20;
    private static final String SKIP_MESSAGE = "ANYCHECK_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped";
    private static final AtomicBoolean skipReported = new AtomicBoolean();
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private final Database database;
    /** Runs after the pool is closed and removes the database or schema. */
    private final Runnable cleanUp;

    private TestDatabase(Database database, Runnable cleanUp) {
        this.database = database;
        this.cleanUp = cleanUp;
    }

    /** Opens and migrates an H2 database in memory that no other test class shares. */
    static TestDatabase h2() {
        return migrated(emptyH2());
    }

    /** Opens an H2 database in memory without any table, not even Flyway's history. */
    static TestDatabase emptyH2() {
        String url = "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1";
        Database database = Database.open(new DatabaseSettings(url, "sa", "", POOL_SIZE, CONNECTION_TIMEOUT));
        // DB_CLOSE_DELAY=-1 keeps the database after the pool closes, so it is shut down explicitly.
        return new TestDatabase(database, () -> execute(url, "sa", "", "SHUTDOWN"));
    }

    /**
     * Opens and migrates a new schema on the PostgreSQL server named by the environment, and
     * skips the calling test when {@value #POSTGRES_URL_VARIABLE} is not set.
     */
    static TestDatabase postgres() {
        return migrated(emptyPostgres());
    }

    /** Opens a new, empty schema like {@link #postgres()}, without migrating it. */
    static TestDatabase emptyPostgres() {
        String baseUrl = System.getenv(POSTGRES_URL_VARIABLE);
        boolean configured = baseUrl != null && !baseUrl.isBlank();
        if (!configured && !skipReported.getAndSet(true)) {
            // Surefire prints only counts for skipped tests, so print the reason once on the console.
            System.err.println(SKIP_MESSAGE);
        }
        Assumptions.assumeTrue(configured, SKIP_MESSAGE);
        String user = environmentOrEmpty(POSTGRES_USER_VARIABLE);
        String password = environmentOrEmpty(POSTGRES_PASSWORD_VARIABLE);

        String schema = "t_" + uniqueName();
        execute(baseUrl, user, password, "CREATE SCHEMA " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Database database = Database.open(new DatabaseSettings(url, user, password, POOL_SIZE, CONNECTION_TIMEOUT));
        return new TestDatabase(
                database, () -> execute(baseUrl, user, password, "DROP SCHEMA " + schema + " CASCADE"));
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            cleanUp.run();
        }
    }

    private static TestDatabase migrated(TestDatabase testDatabase) {
        try {
            testDatabase.database.migrate();
            return testDatabase;
        } catch (RuntimeException e) {
            testDatabase.close();
            throw e;
        }
    }

    /** Returns 32 lower-case hex digits, valid in H2 database names and PostgreSQL schema names. */
    private static String uniqueName() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String environmentOrEmpty(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    /** Runs one statement on a connection of its own, outside any pool. */
    private static void execute(String url, String user, String password, String sql) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + sql, e);
        }
    }
}
