package id.anycheck.auth.persistence;

import java.time.Instant;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

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
        return Storage.call(() -> {
            Key existing = stored();
            if (existing != null) {
                return existing;
            }
            Key generated = generator.get();
            try {
                jdbi.useHandle(handle -> handle
                        .createUpdate("INSERT INTO signing_keys (key_id, secret, created_at) VALUES (:keyId, :secret, :now)")
                        .bind("keyId", generated.keyId())
                        .bind("secret", generated.base64Secret())
                        .bind("now", now)
                        .execute());
                return generated;
            } catch (JdbiException e) {
                if (!UniqueViolation.causedBy(e)) {
                    throw e;
                }
                // Another instance stored its key first: use that one.
                return stored();
            }
        });
    }

    private Key stored() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT key_id, secret FROM signing_keys")
                .map((rs, ctx) -> new Key(rs.getString("key_id"), rs.getString("secret")))
                .findFirst()
                .orElse(null));
    }
}
