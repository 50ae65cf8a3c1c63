package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.mfa.MfaToken;
import id.anycheck.auth.domain.port.MfaChallengeRepository;
import id.anycheck.auth.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiMfaChallengeRepository}, run on each supported database by a subclass. */
abstract class MfaChallengeRepositoryContract extends DatabaseContractBase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant EXPIRES_AT = NOW.plus(Duration.ofMinutes(5));
    private static final int MAX_ATTEMPTS = 5;

    private Jdbi jdbi;
    private MfaChallengeRepository challenges;
    private UserId userId;

    @BeforeEach
    void storeUser() {
        jdbi = database().jdbi();
        challenges = new JdbiMfaChallengeRepository(jdbi);
        userId = Fixtures.storeOrganizationWithAdmin(jdbi).id();
    }

    @Test
    void attemptReturnsUser() {
        String hash = createChallenge();

        assertThat(challenges.countAttempt(hash, MAX_ATTEMPTS, NOW)).contains(userId);
    }

    @Test
    void unknownChallengeIsRejected() {
        assertThat(challenges.countAttempt(MfaToken.generate(RANDOM).hash(), MAX_ATTEMPTS, NOW)).isEmpty();
    }

    @Test
    void expiredChallengeIsRejected() {
        String hash = createChallenge();

        assertThat(challenges.countAttempt(hash, MAX_ATTEMPTS, EXPIRES_AT)).isEmpty();
    }

    @Test
    void attemptsStopAtMaximum() {
        String hash = createChallenge();

        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            assertThat(challenges.countAttempt(hash, MAX_ATTEMPTS, NOW)).as("attempt %d", i + 1).contains(userId);
        }

        assertThat(challenges.countAttempt(hash, MAX_ATTEMPTS, NOW)).isEmpty();
    }

    @Test
    void concurrentAttemptsNeverExceedMaximum() throws Exception {
        String hash = createChallenge();
        List<Callable<Optional<UserId>>> calls = new ArrayList<>();
        for (int i = 0; i < 3 * MAX_ATTEMPTS; i++) {
            calls.add(() -> challenges.countAttempt(hash, MAX_ATTEMPTS, NOW));
        }

        List<Optional<UserId>> results = Concurrently.run(calls);

        assertThat(results).filteredOn(Optional::isPresent).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void spentChallengeIsRejected() {
        String hash = createChallenge();

        assertThat(challenges.spend(hash, NOW)).isTrue();

        assertThat(challenges.spend(hash, NOW)).isFalse();
        assertThat(challenges.countAttempt(hash, MAX_ATTEMPTS, NOW)).isEmpty();
    }

    @Test
    void concurrentSpendsSucceedOnce() throws Exception {
        String hash = createChallenge();
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> challenges.spend(hash, NOW));
        }

        assertThat(Concurrently.run(calls)).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void createDeletesExpiredChallenges() {
        String old = createChallenge();

        challenges.create(MfaToken.generate(RANDOM).hash(), userId, EXPIRES_AT.plus(Duration.ofMinutes(5)),
                EXPIRES_AT);

        int left = jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM mfa_challenges WHERE token_hash = :hash")
                .bind("hash", old)
                .mapTo(Integer.class)
                .one());
        assertThat(left).isZero();
    }

    private String createChallenge() {
        String hash = MfaToken.generate(RANDOM).hash();
        challenges.create(hash, userId, EXPIRES_AT, NOW);
        return hash;
    }
}
