package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.user.Password;

/**
 * Port: one-way password hashing into a self-describing string that names its algorithm and
 * parameters. Implementations are thread-safe.
 */
public interface PasswordHasher {

    /** Outcome of comparing a password with a stored hash. */
    enum Verification {
        MATCH,
        /** The password matches, but the hash uses older parameters and should be replaced. */
        MATCH_NEEDS_REHASH,
        MISMATCH
    }

    /** Hashes with a fresh random salt and the current parameters. */
    String hash(Password password);

    /**
     * Hashes the password with the stored hash's salt and parameters and compares the results
     * in constant time. A stored hash that cannot be parsed, or whose cost parameters exceed the
     * implementation's bounds, is a {@link Verification#MISMATCH} at once, without hashing.
     */
    Verification verify(Password password, String storedHash);
}
