package id.anycheck.auth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.application.fakes.MutableClock;
import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ActiveSessionCacheTest {

    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final MutableClock clock = ports.clock();
    private final CountingSessionRepository sessions = new CountingSessionRepository(ports.sessions());
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", "ana@example.com", "correct horse");

    /** Delegates to another repository and counts the calls of {@link #isActive}. */
    private static class CountingSessionRepository implements SessionRepository {

        private final SessionRepository delegate;
        private final AtomicInteger isActiveCalls = new AtomicInteger();

        CountingSessionRepository(SessionRepository delegate) {
            this.delegate = delegate;
        }

        int isActiveCalls() {
            return isActiveCalls.get();
        }

        @Override
        public void start(NewSession session) {
            delegate.start(session);
        }

        @Override
        public Optional<User> rotateRefreshToken(
                SessionId id, String presentedHash, String nextHash, Instant nextExpiresAt, Instant now) {
            return delegate.rotateRefreshToken(id, presentedHash, nextHash, nextExpiresAt, now);
        }

        @Override
        public boolean revoke(SessionId id, RevocationReason reason, Instant now) {
            return delegate.revoke(id, reason, now);
        }

        @Override
        public boolean isActive(SessionId id) {
            isActiveCalls.incrementAndGet();
            return delegate.isActive(id);
        }

        @Override
        public List<SessionId> revokeAllOf(UserId userId, RevocationReason reason, Instant now) {
            return delegate.revokeAllOf(userId, reason, now);
        }

        @Override
        public List<SessionId> revokeAllOfExcept(UserId userId, SessionId kept, RevocationReason reason,
                Instant now) {
            return delegate.revokeAllOfExcept(userId, kept, reason, now);
        }
    }

    @Test
    void activeSessionIsActive() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);

        assertThat(cache.isActive(id)).isTrue();
    }

    @Test
    void positiveCachedForTimeToLive() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);
        cache.isActive(id);

        clock.advance(TIME_TO_LIVE.minusMillis(1));

        assertThat(cache.isActive(id)).isTrue();
        assertThat(sessions.isActiveCalls()).isEqualTo(1);
    }

    @Test
    void positiveRecheckedAfterTimeToLive() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);
        cache.isActive(id);

        clock.advance(TIME_TO_LIVE);

        assertThat(cache.isActive(id)).isTrue();
        assertThat(sessions.isActiveCalls()).isEqualTo(2);
    }

    @Test
    void negativeNeverCached() {
        SessionId unknown = SessionId.random();
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);

        assertThat(cache.isActive(unknown)).isFalse();
        assertThat(cache.isActive(unknown)).isFalse();
        assertThat(sessions.isActiveCalls()).isEqualTo(2);
    }

    @Test
    void negativeThenActiveSeenAtOnce() {
        // A session that becomes active after a negative result, for example because its
        // organization is activated again, must not wait for a time to live.
        SessionId id = startSession();
        ports.organizations().setActive(ana.organizationId(), false);
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);
        cache.isActive(id);

        ports.organizations().setActive(ana.organizationId(), true);

        assertThat(cache.isActive(id)).isTrue();
    }

    @Test
    void forgetForcesRecheck() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);
        cache.isActive(id);

        cache.forget(id);
        cache.isActive(id);

        assertThat(sessions.isActiveCalls()).isEqualTo(2);
    }

    @Test
    void forgetAfterRevokeSeenAtOnce() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);
        cache.isActive(id);

        sessions.revoke(id, RevocationReason.LOGOUT, clock.instant());
        cache.forget(id);

        assertThat(cache.isActive(id)).isFalse();
    }

    @Test
    void zeroTimeToLiveChecksEveryTime() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(Duration.ZERO, 100);

        cache.isActive(id);
        cache.isActive(id);
        cache.isActive(id);

        assertThat(sessions.isActiveCalls()).isEqualTo(3);
    }

    @Test
    void zeroTimeToLiveSeesRevocationAtOnce() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(Duration.ZERO, 100);
        cache.isActive(id);

        sessions.revoke(id, RevocationReason.LOGOUT, clock.instant());

        assertThat(cache.isActive(id)).isFalse();
    }

    @Test
    void otherRevocationSeenAfterTimeToLive() {
        SessionId id = startSession();
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 100);
        cache.isActive(id);

        // Another instance revokes the session in storage, without this cache's forget().
        ports.sessions().revoke(id, RevocationReason.LOGOUT, clock.instant());
        boolean withinTimeToLive = cache.isActive(id);
        clock.advance(TIME_TO_LIVE);
        boolean afterTimeToLive = cache.isActive(id);

        assertThat(withinTimeToLive).as("stale answer within the time to live").isTrue();
        assertThat(afterTimeToLive).as("answer after the time to live").isFalse();
    }

    @Test
    void entriesBoundedByMaxEntries() {
        int maxEntries = 5;
        ActiveSessionCache cache = cache(TIME_TO_LIVE, maxEntries);
        List<SessionId> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(startSession());
        }
        for (SessionId id : ids) {
            cache.isActive(id);
        }

        // Once storage has revoked every session, only a cached entry still returns true.
        for (SessionId id : ids) {
            ports.sessions().revoke(id, RevocationReason.LOGOUT, clock.instant());
        }
        long cachedEntries = ids.stream().filter(cache::isActive).count();

        assertThat(cachedEntries).isLessThanOrEqualTo(maxEntries);
        assertThat(cachedEntries).isPositive();
    }

    @Test
    void evictedEntryRechecked() {
        ActiveSessionCache cache = cache(TIME_TO_LIVE, 2);
        SessionId first = startSession();
        SessionId second = startSession();
        SessionId third = startSession();
        cache.isActive(first);
        cache.isActive(second);
        cache.isActive(third);
        int callsBefore = sessions.isActiveCalls();

        cache.isActive(first);

        assertThat(sessions.isActiveCalls()).isEqualTo(callsBefore + 1);
    }

    @Test
    void rejectsNegativeTimeToLive() {
        assertThatIllegalArgumentException().isThrownBy(() -> cache(Duration.ofSeconds(-1), 100));
    }

    /**
     * Checks a logout that runs while another request checks the same session. That check reads
     * "active" from storage before the revocation and caches it after forget() ran.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void forgetDuringCheckWins() throws Exception {
        SessionId id = startSession();
        CountDownLatch storageAnswered = new CountDownLatch(1);
        CountDownLatch logOutDone = new CountDownLatch(1);
        SessionRepository pausingSessions = new CountingSessionRepository(ports.sessions()) {
            @Override
            public boolean isActive(SessionId sessionId) {
                boolean active = super.isActive(sessionId);
                storageAnswered.countDown();
                await(logOutDone);
                return active;
            }
        };
        ActiveSessionCache cache = new ActiveSessionCache(pausingSessions, TIME_TO_LIVE, 100, clock);

        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> cache.isActive(id));
        assertThat(storageAnswered.await(10, TimeUnit.SECONDS)).as("storage called within 10 s").isTrue();
        ports.sessions().revoke(id, RevocationReason.LOGOUT, clock.instant());
        cache.forget(id);
        logOutDone.countDown();
        check.get(10, TimeUnit.SECONDS);

        // NOTE: ActiveSessionCache stores the stale "active" after forget() ran, so the logged-out
        // session passes for the whole time to live. Enable this test once that is fixed.
        assertThat(ports.sessions().isActive(id)).isFalse();
        assertThat(cache.isActive(id)).as("answer after logout").isFalse();
    }

    private ActiveSessionCache cache(Duration timeToLive, int maxEntries) {
        return new ActiveSessionCache(sessions, timeToLive, maxEntries, clock);
    }

    private SessionId startSession() {
        SessionId id = SessionId.random();
        Instant now = clock.instant();
        sessions.start(new NewSession(id, ana.id(), ana.organizationId(),
                RefreshTokenId.generate(ports.random()).hash(), now.plus(TokenLifetimes.REFRESH_TOKEN), now));
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
