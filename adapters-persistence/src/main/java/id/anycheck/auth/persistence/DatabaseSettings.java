package id.anycheck.auth.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.h2.engine.ConnectionInfo;
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
    private static final String H2_PREFIX = "jdbc:h2:";
    /** Database types H2 2.x accepts before a name, such as {@code file:} in {@code jdbc:h2:file:./data}. */
    private static final Set<String> H2_NAME_PREFIXES = Set.of("file:", "mem:", "tcp:", "ssl:", "zip:", "split:",
            "nio:", "nioMapped:", "async:", "memFS:", "memLZF:", "retry:");

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
        if (kind == DatabaseKind.H2) {
            return h2UrlProblem(jdbcUrl);
        }
        return Optional.empty();
    }

    /**
     * Checks an H2 URL: a database name, a known prefix where the name has one, and settings that
     * H2 supports, which its own parser checks without opening anything.
     */
    private static Optional<String> h2UrlProblem(String jdbcUrl) {
        String name = jdbcUrl.substring(H2_PREFIX.length()).split(";", 2)[0];
        if (name.isBlank()) {
            return Optional.of("names no database; use for example jdbc:h2:file:./data/anycheck or jdbc:h2:mem:test");
        }
        int colon = name.indexOf(':');
        if (colon > 0 && !H2_NAME_PREFIXES.contains(name.substring(0, colon + 1))) {
            return Optional.of("is not a valid H2 URL: '" + name.substring(0, colon + 1) + "' is not an H2 database"
                    + " type; use file:, mem: or tcp:, for example jdbc:h2:file:./data/anycheck");
        }
        try {
            new ConnectionInfo(jdbcUrl, new Properties(), null, null);
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return Optional.of("is not a valid H2 URL: " + reason.replaceAll("\\s*\\[\\d+-\\d+]$", "")
                    + ", for example jdbc:h2:file:./data/anycheck");
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
