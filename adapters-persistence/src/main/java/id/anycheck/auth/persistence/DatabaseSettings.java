package id.anycheck.auth.persistence;

import java.time.Duration;
import java.util.Objects;

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

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
