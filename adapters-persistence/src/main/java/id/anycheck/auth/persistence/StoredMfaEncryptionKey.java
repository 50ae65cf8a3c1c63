package id.anycheck.auth.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The key that encrypts TOTP secrets when the operator configured none. Like the generated
 * signing key, it is kept in the database so that every instance sharing the database reads
 * the same key, and the table has at most one row. Thread-safe.
 *
 * <p>NOTE: a key stored next to the secrets it encrypts protects them only from someone who
 * reads the enrolment table alone, such as a partial dump. Configure the key to keep it apart.
 */
public final class StoredMfaEncryptionKey {

    private final Jdbi jdbi;

    public StoredMfaEncryptionKey(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Returns the stored base64 key, first storing the one that {@code generator} makes if there is none. */
    public String loadOrCreate(Supplier<String> generator, Instant now) {
        return GeneratedSecrets.loadOrCreate(this::stored, generator, secret -> jdbi.useHandle(handle -> handle
                .createUpdate("INSERT INTO mfa_encryption_keys (secret, created_at) VALUES (:secret, :now)")
                .bind("secret", secret)
                .bind("now", now)
                .execute()));
    }

    private Optional<String> stored() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT secret FROM mfa_encryption_keys")
                .mapTo(String.class)
                .findFirst());
    }
}
