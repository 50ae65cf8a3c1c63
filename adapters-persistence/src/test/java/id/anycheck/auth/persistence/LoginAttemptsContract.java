package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.lockout.AttemptOutcome.Failure;
import id.anycheck.auth.domain.lockout.AttemptOutcome.Reservation;
import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import id.anycheck.auth.domain.lockout.ThrottleScope;
import id.anycheck.auth.domain.port.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiLoginAttempts}, run on each supported database by a subclass. */
abstract class LoginAttemptsContract extends DatabaseContractBase {

    private static final LockoutPolicy POLICY = LockoutPolicy.DEFAULT;
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private LoginAttempts attempts;

    @BeforeEach
    void createAdapter() {
        attempts = new JdbiLoginAttempts(database().jdbi());
    }

    @Test
    void fiveFailuresLockPair() {
        LoginAttemptKeys keys = randomKeys();
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.reserve(keys, POLICY, NOW).isAllowed()).isTrue();
            attempts.fail(keys, POLICY, NOW);
        }

        Reservation sixth = attempts.reserve(keys, POLICY, NOW);

        assertThat(sixth.lockedScope()).contains(ThrottleScope.EMAIL_AND_CLIENT);
        assertThat(sixth.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void fifthFailureReportsNewLock() {
        LoginAttemptKeys keys = randomKeys();
        Failure fifth = null;
        for (int i = 0; i < 5; i++) {
            attempts.reserve(keys, POLICY, NOW);
            fifth = attempts.fail(keys, POLICY, NOW);
        }

        assertThat(fifth.newLocks()).hasSize(1);
        assertThat(fifth.newLocks().get(0).scope()).isEqualTo(ThrottleScope.EMAIL_AND_CLIENT);
        assertThat(fifth.newLocks().get(0).until()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void successEndsPairCount() {
        LoginAttemptKeys keys = randomKeys();
        for (int i = 0; i < 4; i++) {
            attempts.reserve(keys, POLICY, NOW);
            attempts.fail(keys, POLICY, NOW);
        }
        attempts.reserve(keys, POLICY, NOW);
        attempts.succeed(keys, NOW);

        for (int i = 0; i < 4; i++) {
            assertThat(attempts.reserve(keys, POLICY, NOW).isAllowed()).as("attempt %d", i + 1).isTrue();
            attempts.fail(keys, POLICY, NOW);
        }
    }

    @Test
    void lockEndsAfterBackoff() {
        LoginAttemptKeys keys = randomKeys();
        for (int i = 0; i < 5; i++) {
            attempts.reserve(keys, POLICY, NOW);
            attempts.fail(keys, POLICY, NOW);
        }

        assertThat(attempts.reserve(keys, POLICY, NOW.plus(Duration.ofSeconds(59))).isAllowed()).isFalse();
        assertThat(attempts.reserve(keys, POLICY, NOW.plus(Duration.ofMinutes(1))).isAllowed()).isTrue();
    }

    @Test
    void clearEndsLocksOfEmail() {
        LoginAttemptKeys keys = randomKeys();
        for (int i = 0; i < 5; i++) {
            attempts.reserve(keys, POLICY, NOW);
            attempts.fail(keys, POLICY, NOW);
        }

        int cleared = attempts.clear(keys.email());

        assertThat(cleared).isEqualTo(2);
        assertThat(attempts.reserve(keys, POLICY, NOW).isAllowed()).isTrue();
    }

    @Test
    void clearLeavesOtherEmails() {
        LoginAttemptKeys keys = randomKeys();
        for (int i = 0; i < 5; i++) {
            attempts.reserve(keys, POLICY, NOW);
            attempts.fail(keys, POLICY, NOW);
        }

        attempts.clear(randomKeys().email());

        assertThat(attempts.reserve(keys, POLICY, NOW).isAllowed()).isFalse();
    }

    @Test
    void twentyParallelAttemptsLetFiveThrough() throws Exception {
        LoginAttemptKeys keys = randomKeys();
        List<Callable<Boolean>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            guesses.add(() -> {
                boolean allowed = attempts.reserve(keys, POLICY, NOW).isAllowed();
                if (allowed) {
                    attempts.fail(keys, POLICY, NOW);
                }
                return allowed;
            });
        }

        List<Boolean> allowed = Concurrently.run(guesses);

        assertThat(allowed.stream().filter(Boolean::booleanValue).count()).isEqualTo(5);
        assertThat(attempts.reserve(keys, POLICY, NOW).lockedScope()).contains(ThrottleScope.EMAIL_AND_CLIENT);
    }

    @Test
    void parallelReservationsCountEveryAttempt() throws Exception {
        // Reservations alone, with no result yet, must fill the count exactly: the sixth waits.
        LoginAttemptKeys keys = randomKeys();
        List<Callable<Boolean>> reservations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            reservations.add(() -> attempts.reserve(keys, POLICY, NOW).isAllowed());
        }

        List<Boolean> allowed = Concurrently.run(reservations);

        assertThat(allowed.stream().filter(Boolean::booleanValue).count()).isEqualTo(5);
    }

    @Test
    void parallelSuccessfulLoginsLeaveCountsEmpty() throws Exception {
        // Logins of one account at once: each reserves, then succeeds. None may fail on a row
        // another one changes, and none may leave a count behind.
        LoginAttemptKeys keys = randomKeys();
        List<Callable<Integer>> logins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logins.add(() -> {
                int allowed = 0;
                for (int round = 0; round < 10; round++) {
                    if (attempts.reserve(keys, POLICY, NOW).isAllowed()) {
                        allowed++;
                        attempts.succeed(keys, NOW);
                    }
                }
                return allowed;
            });
        }

        List<Integer> allowed = Concurrently.run(logins);

        assertThat(allowed.stream().mapToInt(Integer::intValue).sum()).isPositive();
        assertThat(attempts.clear(keys.email())).isZero();
    }

    @Test
    void distinctEmailsLockClient() {
        String client = UUID.randomUUID().toString();
        Failure last = null;
        for (int i = 0; i < 20; i++) {
            LoginAttemptKeys keys = new LoginAttemptKeys(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    client);
            attempts.reserve(keys, POLICY, NOW);
            last = attempts.fail(keys, POLICY, NOW);
        }

        assertThat(last.newLocks()).extracting(lock -> lock.scope()).containsExactly(ThrottleScope.CLIENT);
        LoginAttemptKeys otherEmail = new LoginAttemptKeys(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                client);
        assertThat(attempts.reserve(otherEmail, POLICY, NOW).lockedScope()).contains(ThrottleScope.CLIENT);
    }

    @Test
    void purgeKeepsRunningLocks() {
        LoginAttemptKeys keys = randomKeys();
        for (int i = 0; i < 5; i++) {
            attempts.reserve(keys, POLICY, NOW);
            attempts.fail(keys, POLICY, NOW);
        }
        Instant later = NOW.plusSeconds(30);

        int purged = attempts.purgeIdle(later, later);

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(attempts.reserve(keys, POLICY, later).lockedScope()).contains(ThrottleScope.EMAIL_AND_CLIENT);
    }

    @Test
    void purgeKeepsRecentCounts() {
        LoginAttemptKeys keys = randomKeys();
        for (int i = 0; i < 4; i++) {
            attempts.reserve(keys, POLICY, NOW);
            attempts.fail(keys, POLICY, NOW);
        }

        attempts.purgeIdle(NOW.minusSeconds(1), NOW);

        attempts.reserve(keys, POLICY, NOW);
        attempts.fail(keys, POLICY, NOW);
        assertThat(attempts.reserve(keys, POLICY, NOW).isAllowed()).isFalse();
    }

    private static LoginAttemptKeys randomKeys() {
        return new LoginAttemptKeys(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
    }
}
