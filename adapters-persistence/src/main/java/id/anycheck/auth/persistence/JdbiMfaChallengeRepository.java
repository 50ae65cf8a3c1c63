package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.port.MfaChallengeRepository;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Persistence adapter: MFA challenges through JDBI. Counting an attempt and spending a
 * challenge are each one conditional UPDATE, so they are atomic on H2 and PostgreSQL.
 * Thread-safe.
 */
public final class JdbiMfaChallengeRepository implements MfaChallengeRepository {

    private final Jdbi jdbi;

    public JdbiMfaChallengeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the challenge, and deletes expired ones so that the table stays small. */
    @Override
    public void create(String tokenHash, UserId userId, Instant expiresAt, Instant now) {
        Storage.run(() -> jdbi.useHandle(handle -> {
            handle.createUpdate("DELETE FROM mfa_challenges WHERE expires_at <= :now")
                    .bind("now", now)
                    .execute();
            handle.createUpdate("""
                            INSERT INTO mfa_challenges (token_hash, user_id, created_at, expires_at)
                            VALUES (:tokenHash, :userId, :now, :expiresAt)""")
                    .bind("tokenHash", tokenHash)
                    .bind("userId", userId.value())
                    .bind("now", now)
                    .bind("expiresAt", expiresAt)
                    .execute();
        }));
    }

    @Override
    public Optional<UserId> countAttempt(String tokenHash, int maxAttempts, Instant now) {
        return Storage.call(() -> jdbi.withHandle(handle -> {
            int counted = handle.createUpdate("""
                            UPDATE mfa_challenges SET attempts = attempts + 1
                             WHERE token_hash = :tokenHash AND spent_at IS NULL AND expires_at > :now
                               AND attempts < :maxAttempts""")
                    .bind("tokenHash", tokenHash)
                    .bind("now", now)
                    .bind("maxAttempts", maxAttempts)
                    .execute();
            if (counted != 1) {
                return Optional.empty();
            }
            // The user of a challenge never changes, so reading it after the update is safe.
            return handle.createQuery("SELECT user_id FROM mfa_challenges WHERE token_hash = :tokenHash")
                    .bind("tokenHash", tokenHash)
                    .map((rs, ctx) -> new UserId(Rows.uuid(rs, "user_id")))
                    .findOne();
        }));
    }

    @Override
    public boolean spend(String tokenHash, Instant now) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("UPDATE mfa_challenges SET spent_at = :now WHERE token_hash = :tokenHash AND spent_at IS NULL")
                .bind("now", now)
                .bind("tokenHash", tokenHash)
                .execute())) == 1;
    }
}
