package id.anycheck.auth.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and schema of the service's database. Opening it connects lazily;
 * {@link #migrate()} applies pending migrations. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Flyway location of the migration scripts, which run unchanged on H2 and PostgreSQL. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private final DatabaseKind kind;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DatabaseKind kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // JDBI adds neither the statement nor its bound values to exception messages, because the
        // values include password hashes. The driver's own message can still quote a value, as
        // H2 does for a value too long for its column.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    }

    /** Opens a connection pool; throws IllegalArgumentException for an unsupported URL. */
    public static Database open(DatabaseSettings settings) {
        DatabaseKind kind = settings.kind();
        HikariConfig config = new HikariConfig();
        config.setPoolName("anycheck-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(5000, settings.connectionTimeout().toMillis())));
        // Create the pool without connecting. A database lost after start-up then yields 503 until
        // it is back; the commands still fail at start-up because they migrate first.
        config.setInitializationFailTimeout(-1);
        return new Database(kind, new HikariDataSource(config));
    }

    /** Applies pending migrations and returns how many were applied. */
    public int migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate();
        LOG.info("Database schema is at version {} ({} migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    /**
     * Publishes the pool's gauges and timers (connections active, idle, pending, acquisition
     * time) to {@code registry}, through HikariCP's own Micrometer binding. Call it once.
     */
    public void bindMetrics(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    public DatabaseKind kind() {
        return kind;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
