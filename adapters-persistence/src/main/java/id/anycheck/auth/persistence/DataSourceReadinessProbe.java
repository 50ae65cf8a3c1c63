package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.port.ReadinessProbe;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Persistence adapter: checks that the pool can hand out a valid connection. Thread-safe. */
public final class DataSourceReadinessProbe implements ReadinessProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceReadinessProbe.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public DataSourceReadinessProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean storageReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.warn("Readiness check failed: database unreachable ({})", e.getMessage());
            return false;
        }
    }
}
