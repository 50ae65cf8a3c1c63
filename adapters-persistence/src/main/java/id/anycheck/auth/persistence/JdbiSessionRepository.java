package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Persistence adapter: sessions through JDBI. Spending a refresh token and revoking a session
 * are each one conditional UPDATE, so they are atomic on H2 and PostgreSQL without locks held
 * across round trips. Spending a refresh token also reads the session's user in the same
 * statement, so a refresh costs one round trip. Thread-safe.
 */
public final class JdbiSessionRepository implements SessionRepository {

    private static final String OWNER_ACTIVE = """
            EXISTS (SELECT 1 FROM users u JOIN organizations o ON o.id = u.organization_id
                    WHERE u.id = sessions.user_id AND u.active AND o.active)""";

    /** Replaces the current refresh token hash; the owner condition is appended. */
    private static final String ROTATE = """
            UPDATE sessions
               SET refresh_token_hash = :nextHash,
                   refresh_expires_at = :nextExpiresAt,
                   last_refreshed_at = :now
             WHERE id = :id
               AND refresh_token_hash = :presentedHash
               AND revoked_at IS NULL
               AND refresh_expires_at > :now
               AND\s""" + OWNER_ACTIVE;

    /**
     * The rotation and the read of the session's user as one statement. PostgreSQL has
     * data-modifying WITH clauses; H2 has none but can select from the rows an UPDATE changed.
     */
    private final String rotateAndReadOwner;

    private final Jdbi jdbi;

    public JdbiSessionRepository(Jdbi jdbi, DatabaseKind kind) {
        this.jdbi = jdbi;
        this.rotateAndReadOwner = switch (kind) {
            case POSTGRESQL -> "WITH rotated AS (" + ROTATE + " RETURNING user_id) SELECT " + Rows.USER_COLUMNS
                    + " FROM rotated JOIN users u ON u.id = rotated.user_id";
            case H2 -> "SELECT " + Rows.USER_COLUMNS + " FROM FINAL TABLE (" + ROTATE + ") rotated"
                    + " JOIN users u ON u.id = rotated.user_id";
        };
    }

    @Override
    public void start(NewSession session) {
        Storage.run(() -> jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO sessions (id, user_id, organization_id, refresh_token_hash, refresh_expires_at,
                                              created_at)
                        VALUES (:id, :userId, :organizationId, :refreshTokenHash, :refreshExpiresAt, :createdAt)
                        """)
                .bind("id", session.id().value())
                .bind("userId", session.userId().value())
                .bind("organizationId", session.organizationId().value())
                .bind("refreshTokenHash", session.refreshTokenHash())
                .bind("refreshExpiresAt", session.refreshExpiresAt())
                .bind("createdAt", session.createdAt())
                .execute()));
    }

    @Override
    public Optional<User> rotateRefreshToken(
            SessionId id, String presentedHash, String nextHash, Instant nextExpiresAt, Instant now) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle.createQuery(rotateAndReadOwner)
                .bind("id", id.value())
                .bind("presentedHash", presentedHash)
                .bind("nextHash", nextHash)
                .bind("nextExpiresAt", nextExpiresAt)
                .bind("now", now)
                .map(Rows.USER)
                .findOne()));
    }

    @Override
    public boolean revoke(SessionId id, RevocationReason reason, Instant now) {
        int updated = Storage.call(() -> jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE sessions SET revoked_at = :now, revocation_reason = :reason
                         WHERE id = :id AND revoked_at IS NULL
                        """)
                .bind("id", id.value())
                .bind("reason", reason.name())
                .bind("now", now)
                .execute()));
        return updated == 1;
    }

    @Override
    public boolean isActive(SessionId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM sessions WHERE id = :id AND revoked_at IS NULL AND " + OWNER_ACTIVE)
                .bind("id", id.value())
                .mapTo(Integer.class)
                .one())) == 1;
    }

    @Override
    public List<SessionId> revokeAllOf(UserId userId, RevocationReason reason, Instant now) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            List<SessionId> live = handle.createQuery(
                            "SELECT id FROM sessions WHERE user_id = :userId AND revoked_at IS NULL FOR UPDATE")
                    .bind("userId", userId.value())
                    .map((rs, ctx) -> new SessionId(Rows.uuid(rs, "id")))
                    .list();
            handle.createUpdate("""
                            UPDATE sessions SET revoked_at = :now, revocation_reason = :reason
                             WHERE user_id = :userId AND revoked_at IS NULL""")
                    .bind("now", now)
                    .bind("reason", reason.name())
                    .bind("userId", userId.value())
                    .execute();
            return live;
        }));
    }

    @Override
    public List<SessionId> revokeAllOfExcept(UserId userId, SessionId kept, RevocationReason reason, Instant now) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            List<SessionId> live = handle.createQuery("""
                            SELECT id FROM sessions
                             WHERE user_id = :userId AND id <> :kept AND revoked_at IS NULL FOR UPDATE""")
                    .bind("userId", userId.value())
                    .bind("kept", kept.value())
                    .map((rs, ctx) -> new SessionId(Rows.uuid(rs, "id")))
                    .list();
            handle.createUpdate("""
                            UPDATE sessions SET revoked_at = :now, revocation_reason = :reason
                             WHERE user_id = :userId AND id <> :kept AND revoked_at IS NULL""")
                    .bind("now", now)
                    .bind("reason", reason.name())
                    .bind("userId", userId.value())
                    .bind("kept", kept.value())
                    .execute();
            return live;
        }));
    }
}
