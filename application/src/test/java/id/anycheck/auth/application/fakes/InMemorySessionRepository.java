package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory {@link SessionRepository}. Every method holds this object's lock, so
 * {@link #rotateRefreshToken} is an atomic compare-and-set. Thread-safe. It takes its own lock
 * before the user or organization repository's lock, never the other way round.
 *
 * <p>Like the real adapter, a refresh token is spent, and a session counts as active, only while
 * the session's user and organization are both active.
 */
public final class InMemorySessionRepository implements SessionRepository {

    private final InMemoryUserRepository users;
    private final InMemoryOrganizationRepository organizations;
    private final Map<SessionId, StoredSession> sessionsById = new LinkedHashMap<>();

    /** A session row: the first {@link NewSession} and the columns that change later. */
    private static final class StoredSession {
        private final NewSession started;
        private String refreshTokenHash;
        private Instant refreshExpiresAt;
        private Instant revokedAt;
        private RevocationReason revocationReason;

        private StoredSession(NewSession started) {
            this.started = started;
            this.refreshTokenHash = started.refreshTokenHash();
            this.refreshExpiresAt = started.refreshExpiresAt();
        }
    }

    public InMemorySessionRepository(InMemoryUserRepository users, InMemoryOrganizationRepository organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    @Override
    public synchronized void start(NewSession session) {
        if (sessionsById.containsKey(session.id())) {
            throw new IllegalStateException("session " + session.id() + " is already stored");
        }
        sessionsById.put(session.id(), new StoredSession(session));
    }

    @Override
    public synchronized Optional<User> rotateRefreshToken(
            SessionId id, String presentedHash, String nextHash, Instant nextExpiresAt, Instant now) {
        StoredSession session = sessionsById.get(id);
        boolean spendable = session != null
                && session.revokedAt == null
                && session.refreshTokenHash.equals(presentedHash)
                && session.refreshExpiresAt.isAfter(now)
                && ownerActive(session);
        if (!spendable) {
            return Optional.empty();
        }
        session.refreshTokenHash = nextHash;
        session.refreshExpiresAt = nextExpiresAt;
        return users.findById(session.started.userId());
    }

    @Override
    public synchronized boolean revoke(SessionId id, RevocationReason reason, Instant now) {
        StoredSession session = sessionsById.get(id);
        if (session == null || session.revokedAt != null) {
            return false;
        }
        session.revokedAt = now;
        session.revocationReason = reason;
        return true;
    }

    @Override
    public synchronized List<SessionId> revokeAllOf(UserId userId, RevocationReason reason, Instant now) {
        List<SessionId> revoked = new ArrayList<>();
        for (StoredSession session : sessionsById.values()) {
            if (session.started.userId().equals(userId) && session.revokedAt == null) {
                session.revokedAt = now;
                session.revocationReason = reason;
                revoked.add(session.started.id());
            }
        }
        return revoked;
    }

    @Override
    public synchronized List<SessionId> revokeAllOfExcept(UserId userId, SessionId kept, RevocationReason reason,
            Instant now) {
        List<SessionId> revoked = new ArrayList<>();
        for (StoredSession session : sessionsById.values()) {
            if (session.started.userId().equals(userId) && !session.started.id().equals(kept)
                    && session.revokedAt == null) {
                session.revokedAt = now;
                session.revocationReason = reason;
                revoked.add(session.started.id());
            }
        }
        return revoked;
    }

    @Override
    public synchronized boolean isActive(SessionId id) {
        StoredSession session = sessionsById.get(id);
        return session != null && session.revokedAt == null && ownerActive(session);
    }

    /** Returns why the session was revoked, or empty if it is not revoked or does not exist. */
    public synchronized Optional<RevocationReason> revocationReason(SessionId id) {
        return Optional.ofNullable(sessionsById.get(id)).map(session -> session.revocationReason);
    }

    /** Returns the ids of the user's sessions, revoked or not, in the order they started. */
    public synchronized List<SessionId> sessionIdsOf(UserId userId) {
        return sessionsById.values().stream()
                .filter(session -> session.started.userId().equals(userId))
                .map(session -> session.started.id())
                .toList();
    }

    /** Returns the hash of the refresh token id that is currently valid for the session. */
    public synchronized Optional<String> refreshTokenHash(SessionId id) {
        return Optional.ofNullable(sessionsById.get(id)).map(session -> session.refreshTokenHash);
    }

    public synchronized int count() {
        return sessionsById.size();
    }

    private boolean ownerActive(StoredSession session) {
        boolean userActive = users.findById(session.started.userId()).map(User::active).orElse(false);
        boolean organizationActive = organizations.findById(session.started.organizationId())
                .map(Organization::active)
                .orElse(false);
        return userActive && organizationActive;
    }
}
