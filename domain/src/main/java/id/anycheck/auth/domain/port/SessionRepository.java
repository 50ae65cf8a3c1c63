package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: login sessions and the hash of the one refresh token id that is currently valid for
 * each. Implementations are thread-safe and make every method atomic on its own.
 */
public interface SessionRepository {

    void start(NewSession session);

    /**
     * Replaces the session's refresh token hash if, and only if, the session is not revoked,
     * its current hash equals {@code presentedHash}, that token has not expired, and the
     * session's user and organization are active. This is a single compare-and-set, so of N
     * concurrent calls with the same presented hash at most one succeeds.
     *
     * @return the session's user if the hash was replaced, else empty
     */
    Optional<User> rotateRefreshToken(
            SessionId id, String presentedHash, String nextHash, Instant nextExpiresAt, Instant now);

    /** Revokes the session; returns false if it was already revoked or does not exist. */
    boolean revoke(SessionId id, RevocationReason reason, Instant now);

    /** Returns whether the session exists, is not revoked, and its user and organization are active. */
    boolean isActive(SessionId id);

    /** Revokes every live session of the user at once and returns their ids. */
    List<SessionId> revokeAllOf(UserId userId, RevocationReason reason, Instant now);

    /** Revokes every live session of the user except {@code kept} at once and returns their ids. */
    List<SessionId> revokeAllOfExcept(UserId userId, SessionId kept, RevocationReason reason, Instant now);
}
