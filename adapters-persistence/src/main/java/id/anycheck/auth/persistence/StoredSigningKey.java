package id.anycheck.auth.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The signing secret generated when the operator configured none. It is kept in the database
 * so that tokens survive a restart and every instance sharing the database signs alike. The
 * table has at most one row, so of two instances that start together on an empty table
 * one stores its key and the other reads that key back. Thread-safe.
 */
public final class StoredSigningKey {

    /** A stored key id and its base64 secret. */
    public record Key(String keyId, String base64Secret) {

        @Override
        public String toString() {
            return "Key[keyId=" + keyId + ", secret=redacted]";
        }
    }

    private final Jdbi jdbi;

    public StoredSigningKey(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Returns the stored key, first storing the one that {@code generator} makes if there is none. */
    public Key loadOrCreate(Supplier<Key> generator, Instant now) {
        return GeneratedSecrets.loadOrCreate(this::stored, generator, key -> jdbi.useHandle(handle -> handle
                .createUpdate("INSERT INTO signing_keys (key_id, secret, created_at) VALUES (:keyId, :secret, :now)")
                .bind("keyId", key.keyId())
                .bind("secret", key.base64Secret())
                .bind("now", now)
                .execute()));
    }

    private Optional<Key> stored() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT key_id, secret FROM signing_keys")
                .map((rs, ctx) -> new Key(rs.getString("key_id"), rs.getString("secret")))
                .findFirst());
    }
}
