package id.anycheck.auth.application;

import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers for a short time which sessions were found active, so that an authenticated request
 * needs no database round trip. Only positive results are kept. A session revoked through this
 * instance is forgotten at once. A revocation made by another instance takes effect here after
 * at most the configured time to live. A time to live of zero checks the database every time.
 * Thread-safe.
 */
public final class ActiveSessionCache {

    private final SessionRepository sessions;
    private final long timeToLiveMillis;
    private final int maxEntries;
    private final Clock clock;
    private final Map<SessionId, Long> activeUntilMillis = new ConcurrentHashMap<>();
    /** Counts calls to {@link #forget}, so a check that overlapped one can drop its stale result. */
    private final AtomicLong forgetCount = new AtomicLong();

    public ActiveSessionCache(SessionRepository sessions, Duration timeToLive, int maxEntries, Clock clock) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("time to live must not be negative");
        }
        this.sessions = sessions;
        this.timeToLiveMillis = timeToLive.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public boolean isActive(SessionId id) {
        long now = clock.millis();
        Long until = activeUntilMillis.get(id);
        if (until != null && until > now) {
            return true;
        }

        long forgetsBefore = forgetCount.get();
        boolean active = sessions.isActive(id);
        if (!active || timeToLiveMillis == 0) {
            activeUntilMillis.remove(id);
            return active;
        }
        if (activeUntilMillis.size() >= maxEntries) {
            // Dropping everything is crude but bounded; the next requests reload what is still in use.
            activeUntilMillis.clear();
        }
        activeUntilMillis.put(id, now + timeToLiveMillis);
        if (forgetCount.get() != forgetsBefore) {
            // A session was revoked while this check read storage, and the result read may
            // predate that revocation. Keep nothing, so the next check reads storage again.
            activeUntilMillis.remove(id);
        }
        return true;
    }

    /** Forgets a session so that the next check queries the database. Call it after revoking. */
    public void forget(SessionId id) {
        forgetCount.incrementAndGet();
        activeUntilMillis.remove(id);
    }
}
