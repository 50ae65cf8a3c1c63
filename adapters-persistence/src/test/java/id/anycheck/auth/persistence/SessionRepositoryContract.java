package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiSessionRepository}, run on each supported database by a subclass. */
abstract class SessionRepositoryContract extends DatabaseContractBase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant REFRESH_EXPIRES_AT = NOW.plus(Duration.ofDays(1));
    private static final Instant NEXT_EXPIRES_AT = NOW.plus(Duration.ofDays(2));

    private static final int CONCURRENT_CALLERS = 20;
    private static final long WAIT_SECONDS = 30;

    private Jdbi jdbi;
    private SessionRepository sessions;
    private User owner;

    @BeforeEach
    void storeOwner() {
        jdbi = database().jdbi();
        sessions = new JdbiSessionRepository(jdbi, database().kind());
        owner = Fixtures.storeOrganizationWithAdmin(jdbi);
    }

    @Test
    void startedSessionIsActive() {
        NewSession session = startSession();

        assertThat(sessions.isActive(session.id())).isTrue();
    }

    @Test
    void unknownSessionIsInactive() {
        assertThat(sessions.isActive(SessionId.random())).isFalse();
    }

    @Test
    void revokeSucceedsOnce() {
        NewSession session = startSession();

        assertThat(sessions.revoke(session.id(), RevocationReason.LOGOUT, NOW)).isTrue();
        assertThat(sessions.revoke(session.id(), RevocationReason.LOGOUT, NOW)).isFalse();
    }

    @Test
    void revokeAllOfExceptKeepsOneSession() {
        NewSession kept = startSession();
        NewSession other = startSession();
        NewSession third = startSession();

        List<SessionId> ended = sessions.revokeAllOfExcept(owner.id(), kept.id(), RevocationReason.PASSWORD_CHANGED,
                NOW);

        assertThat(ended).containsExactlyInAnyOrder(other.id(), third.id());
        assertThat(sessions.isActive(kept.id())).isTrue();
        assertThat(sessions.isActive(other.id())).isFalse();
        assertThat(sessions.isActive(third.id())).isFalse();
    }

    @Test
    void revokeOfUnknownSessionFails() {
        assertThat(sessions.revoke(SessionId.random(), RevocationReason.LOGOUT, NOW)).isFalse();
    }

    @Test
    void revokeStoresReasonAndTime() {
        NewSession session = startSession();

        sessions.revoke(session.id(), RevocationReason.REFRESH_TOKEN_REUSE, NOW);

        Map<String, Object> row = jdbi.withHandle(handle -> handle
                .createQuery("SELECT revocation_reason, revoked_at FROM sessions WHERE id = :id")
                .bind("id", session.id().value())
                .mapToMap()
                .one());
        assertThat(row.get("revocation_reason")).isEqualTo("REFRESH_TOKEN_REUSE");
        assertThat(storedInstant(session.id(), "revoked_at")).isEqualTo(NOW);
    }

    @Test
    void revokedSessionIsInactive() {
        NewSession session = startSession();

        sessions.revoke(session.id(), RevocationReason.LOGOUT, NOW);

        assertThat(sessions.isActive(session.id())).isFalse();
    }

    @Test
    void sessionOfDeactivatedUserIsInactive() {
        NewSession session = startSession();

        deactivateUser();

        assertThat(sessions.isActive(session.id())).isFalse();
    }

    @Test
    void sessionOfDeactivatedOrganizationIsInactive() {
        NewSession session = startSession();

        deactivateOrganization();

        assertThat(sessions.isActive(session.id())).isFalse();
    }

    @Test
    void rotateReturnsSessionOwner() {
        NewSession session = startSession();

        Optional<User> owner = sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW);

        assertThat(owner).map(User::id).contains(session.userId());
    }

    @Test
    void rotateWithCurrentHashSucceeds() {
        NewSession session = startSession();

        boolean rotated = sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW).isPresent();

        assertThat(rotated).isTrue();
    }

    @Test
    void rotateWithSpentHashFails() {
        NewSession session = startSession();
        sessions.rotateRefreshToken(session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW).isPresent();

        boolean rotatedAgain = sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW.plusSeconds(1)).isPresent();

        assertThat(rotatedAgain).isFalse();
    }

    @Test
    void rotateWithNextHashSucceeds() {
        NewSession session = startSession();
        String nextHash = newHash();
        sessions.rotateRefreshToken(session.id(), session.refreshTokenHash(), nextHash, NEXT_EXPIRES_AT, NOW).isPresent();

        boolean rotatedAgain = sessions.rotateRefreshToken(
                session.id(), nextHash, newHash(), NEXT_EXPIRES_AT, NOW.plusSeconds(1)).isPresent();

        assertThat(rotatedAgain).isTrue();
    }

    @Test
    void rotateWithUnknownHashFails() {
        NewSession session = startSession();

        boolean rotated = sessions.rotateRefreshToken(session.id(), newHash(), newHash(), NEXT_EXPIRES_AT, NOW).isPresent();

        assertThat(rotated).isFalse();
    }

    @Test
    void rotateOfUnknownSessionFails() {
        NewSession session = startSession();

        boolean rotated = sessions.rotateRefreshToken(
                SessionId.random(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW).isPresent();

        assertThat(rotated).isFalse();
    }

    @Test
    void rotateAfterRevokeFails() {
        NewSession session = startSession();
        sessions.revoke(session.id(), RevocationReason.LOGOUT, NOW);

        boolean rotated = sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW.plusSeconds(1)).isPresent();

        assertThat(rotated).isFalse();
    }

    @Test
    void rotateAtExpiryFails() {
        NewSession session = startSession();

        boolean rotated = sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, REFRESH_EXPIRES_AT).isPresent();

        assertThat(rotated).isFalse();
    }

    @Test
    void rotateAfterExpiryFails() {
        NewSession session = startSession();

        boolean rotated = sessions.rotateRefreshToken(session.id(), session.refreshTokenHash(), newHash(),
                NEXT_EXPIRES_AT, REFRESH_EXPIRES_AT.plusSeconds(1)).isPresent();

        assertThat(rotated).isFalse();
    }

    @Test
    void rotateExtendsExpiry() {
        NewSession session = startSession();
        String nextHash = newHash();
        sessions.rotateRefreshToken(session.id(), session.refreshTokenHash(), nextHash, NEXT_EXPIRES_AT, NOW).isPresent();

        // Past the first expiry, but before the one that the rotation stored.
        boolean rotatedAgain = sessions.rotateRefreshToken(
                session.id(), nextHash, newHash(), NEXT_EXPIRES_AT.plusSeconds(60), REFRESH_EXPIRES_AT.plusSeconds(1)).isPresent();

        assertThat(rotatedAgain).isTrue();
    }

    @Test
    void rotateStoresLastRefreshTime() {
        NewSession session = startSession();

        sessions.rotateRefreshToken(session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW).isPresent();

        assertThat(storedInstant(session.id(), "last_refreshed_at")).isEqualTo(NOW);
    }

    @Test
    void rotateForDeactivatedUserFails() {
        NewSession session = startSession();
        deactivateUser();

        boolean rotated = sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW).isPresent();

        assertThat(rotated).isFalse();
    }

    @Test
    void rotateForDeactivatedOrganizationFails() {
        NewSession session = startSession();
        deactivateOrganization();

        boolean rotated = sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), newHash(), NEXT_EXPIRES_AT, NOW).isPresent();

        assertThat(rotated).isFalse();
    }

    @Test
    void concurrentRotationsSucceedOnce() throws Exception {
        NewSession session = startSession();
        List<String> nextHashes = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLERS; i++) {
            nextHashes.add(newHash());
        }

        List<Boolean> results = rotateConcurrently(session, nextHashes);

        assertThat(results).containsOnlyOnce(true);
        String winningHash = nextHashes.get(results.indexOf(true));
        assertThat(storedHash(session.id())).isEqualTo(winningHash);
    }

    /**
     * Calls rotateRefreshToken from one thread per next hash, all presenting the session's first
     * hash at once, and returns each call's result in the order of {@code nextHashes}.
     */
    private List<Boolean> rotateConcurrently(NewSession session, List<String> nextHashes) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(nextHashes.size());
        CountDownLatch ready = new CountDownLatch(nextHashes.size());
        CountDownLatch startGate = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (String nextHash : nextHashes) {
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    if (!startGate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("start gate was not opened within " + WAIT_SECONDS + " s");
                    }
                    return sessions.rotateRefreshToken(
                            session.id(), session.refreshTokenHash(), nextHash, NEXT_EXPIRES_AT, NOW).isPresent();
                }));
            }
            assertThat(ready.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("all callers ready").isTrue();
            startGate.countDown();

            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private NewSession startSession() {
        NewSession session = new NewSession(
                SessionId.random(), owner.id(), owner.organizationId(), newHash(), REFRESH_EXPIRES_AT, NOW);
        sessions.start(session);
        return session;
    }

    /** Returns the hex SHA-256 of a new refresh token id, as the application stores it. */
    private static String newHash() {
        return RefreshTokenId.generate(RANDOM).hash();
    }

    private String storedHash(SessionId id) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT refresh_token_hash FROM sessions WHERE id = :id")
                .bind("id", id.value())
                .mapTo(String.class)
                .one());
    }

    /** Reads one timestamp column of a session row. {@code column} is concatenated into the SQL, so it must be a constant. */
    private Instant storedInstant(SessionId id, String column) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + column + " FROM sessions WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> Rows.instant(rs, column))
                .one());
    }

    private void deactivateUser() {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE users SET active = FALSE WHERE id = :id")
                .bind("id", owner.id().value())
                .execute());
    }

    private void deactivateOrganization() {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE organizations SET active = FALSE WHERE id = :id")
                .bind("id", owner.organizationId().value())
                .execute());
    }
}
