package id.anycheck.auth.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Connection settings of the database.
 *
 * @param connectionTimeout how long a request waits for a pooled connection before the
 *     storage counts as unavailable
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectionTimeout) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
    }

    /** Returns which database the URL names; throws IllegalArgumentException for another one. */
    public DatabaseKind kind() {
        return DatabaseKind.of(url);
    }

    /**
     * Returns why {@code jdbcUrl} cannot name a supported database, or empty when it can. A
     * PostgreSQL URL is parsed by the driver, which rejects for example a port that is not a number.
     */
    public static Optional<String> urlProblem(String jdbcUrl) {
        DatabaseKind kind;
        try {
            kind = DatabaseKind.of(jdbcUrl);
        } catch (IllegalArgumentException e) {
            return Optional.of("must start with jdbc:h2: or jdbc:postgresql:");
        }
        if (kind == DatabaseKind.POSTGRESQL && parseQuietly(jdbcUrl) == null) {
            return Optional.of("is not a valid PostgreSQL JDBC URL");
        }
        return Optional.empty();
    }

    /**
     * Parses a PostgreSQL URL with the driver, whose java.util.logging warning about the URL is
     * silenced: the caller reports the problem in its own words.
     */
    private static Properties parseQuietly(String jdbcUrl) {
        java.util.logging.Logger driverLog = java.util.logging.Logger.getLogger("org.postgresql");
        java.util.logging.Level previous = driverLog.getLevel();
        driverLog.setLevel(java.util.logging.Level.OFF);
        try {
            return Driver.parseURL(jdbcUrl, null);
        } finally {
            driverLog.setLevel(previous);
        }
    }

    /**
     * Returns the database's kind and location without user, password or URL options, for
     * start-up logs: "PostgreSQL database anycheck on db.example:5432" or "H2 file:./data/anycheck".
     */
    public String location() {
        if (kind() == DatabaseKind.H2) {
            String target = url.substring("jdbc:h2:".length());
            int options = target.indexOf(';');
            return "H2 " + (options < 0 ? target : target.substring(0, options));
        }
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            return "PostgreSQL";
        }
        String[] hosts = parsed.getProperty("PGHOST", "").split(",");
        String[] ports = parsed.getProperty("PGPORT", "").split(",");
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            servers.append(i == 0 ? "" : ",").append(hosts[i]).append(i < ports.length ? ":" + ports[i] : "");
        }
        return "PostgreSQL database " + parsed.getProperty("PGDBNAME", "") + " on " + servers;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
