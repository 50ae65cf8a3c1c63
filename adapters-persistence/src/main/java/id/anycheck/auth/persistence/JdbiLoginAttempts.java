package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.lockout.AttemptOutcome.Failure;
import id.anycheck.auth.domain.lockout.AttemptOutcome.NewLock;
import id.anycheck.auth.domain.lockout.AttemptOutcome.Reservation;
import id.anycheck.auth.domain.lockout.FailureCount;
import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import id.anycheck.auth.domain.lockout.ThrottleScope;
import id.anycheck.auth.domain.port.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;

/**
 * Persistence adapter: failed-login counts, one row per scope and key. Every change of an
 * attempt runs in one transaction that first locks the rows it reads with
 * {@code SELECT ... FOR UPDATE}, so concurrent attempts, also on other instances, are counted one
 * after another. Every transaction takes its row locks in the order of {@link #LOCK_ORDER}
 * ({@link #succeed} skips the client row), so no two transactions wait for each other in a
 * circle. Thread-safe.
 */
public final class JdbiLoginAttempts implements LoginAttempts {

    /** The order rows are locked in. */
    private static final List<ThrottleScope> LOCK_ORDER =
            List.of(ThrottleScope.CLIENT, ThrottleScope.EMAIL, ThrottleScope.EMAIL_AND_CLIENT);

    private final Jdbi jdbi;

    public JdbiLoginAttempts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Reservation reserve(LoginAttemptKeys keys, LockoutPolicy policy, Instant now) {
        return inLockedTransaction(keys, policy, now, (handle, counts) -> {
            for (int i = 0; i < LOCK_ORDER.size(); i++) {
                ThrottleScope scope = LOCK_ORDER.get(i);
                Optional<Duration> wait = counts.get(i).waitAt(now, policy.limitOf(scope));
                if (wait.isPresent()) {
                    return Reservation.locked(scope, wait.get());
                }
            }
            store(handle, ThrottleScope.EMAIL, keys, counts.get(1).reserve(now));
            store(handle, ThrottleScope.EMAIL_AND_CLIENT, keys, counts.get(2).reserve(now));
            return Reservation.allowed();
        });
    }

    @Override
    public Failure fail(LoginAttemptKeys keys, LockoutPolicy policy, Instant now) {
        return inLockedTransaction(keys, policy, now, (handle, counts) -> {
            FailureCount client = counts.get(0);
            FailureCount email = counts.get(1);
            FailureCount pair = counts.get(2);
            List<NewLock> newLocks = new ArrayList<>();

            // The client's count is of distinct emails: only the first failure of an email
            // from this client in the window adds to it.
            if (pair.failures() == 1) {
                client = lockAndNote(ThrottleScope.CLIENT, client.fail(now), policy, now, newLocks);
            }
            email = lockAndNote(ThrottleScope.EMAIL, email, policy, now, newLocks);
            pair = lockAndNote(ThrottleScope.EMAIL_AND_CLIENT, pair, policy, now, newLocks);

            store(handle, ThrottleScope.CLIENT, keys, client);
            store(handle, ThrottleScope.EMAIL, keys, email);
            store(handle, ThrottleScope.EMAIL_AND_CLIENT, keys, pair);
            return new Failure(newLocks);
        });
    }

    @Override
    public void succeed(LoginAttemptKeys keys, Instant now) {
        // The pair's row is reset rather than deleted: a concurrent attempt that finds a row
        // missing inserts it, and two such inserts would collide.
        Storage.run(() -> jdbi.useTransaction(handle -> {
            Optional<FailureCount> email = lock(handle, ThrottleScope.EMAIL, keys.email());
            if (email.isPresent()) {
                store(handle, ThrottleScope.EMAIL, keys, email.get().release());
            }
            Optional<FailureCount> pair = lock(handle, ThrottleScope.EMAIL_AND_CLIENT, keys.emailAndClient());
            if (pair.isPresent()) {
                store(handle, ThrottleScope.EMAIL_AND_CLIENT, keys, pair.get().reset(now));
            }
        }));
    }

    @Override
    public int clear(String emailKey) {
        String ofEmail = " WHERE ((scope = :emailScope AND throttle_key = :emailKey)"
                + " OR (scope = :pairScope AND email_key = :emailKey))";
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            int withFailures = handle.createQuery("SELECT COUNT(*) FROM login_throttles" + ofEmail
                            + " AND (failures > 0 OR locked_until IS NOT NULL)")
                    .bind("emailScope", ThrottleScope.EMAIL.externalName())
                    .bind("pairScope", ThrottleScope.EMAIL_AND_CLIENT.externalName())
                    .bind("emailKey", emailKey)
                    .mapTo(Integer.class)
                    .one();
            handle.createUpdate("DELETE FROM login_throttles" + ofEmail)
                    .bind("emailScope", ThrottleScope.EMAIL.externalName())
                    .bind("pairScope", ThrottleScope.EMAIL_AND_CLIENT.externalName())
                    .bind("emailKey", emailKey)
                    .execute();
            return withFailures;
        }));
    }

    @Override
    public int purgeIdle(Instant idleSince, Instant now) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM login_throttles
                         WHERE (locked_until IS NULL OR locked_until <= :now)
                           AND COALESCE(last_failure_at, window_started_at) < :idleSince""")
                .bind("now", now)
                .bind("idleSince", idleSince)
                .execute()));
    }

    private static FailureCount lockAndNote(ThrottleScope scope, FailureCount count, LockoutPolicy policy,
            Instant now, List<NewLock> newLocks) {
        FailureCount after = count.lockIfFull(now, policy.limitOf(scope));
        if (after != count) {
            newLocks.add(new NewLock(scope, after.lockedUntil().orElseThrow()));
        }
        return after;
    }

    /**
     * Inserts an empty row for each key that has none, each in its own statement outside the
     * transaction: in PostgreSQL a failed INSERT would abort the transaction it runs in. A
     * concurrent attempt that inserted the same row first is fine, the row is there.
     */
    private void createMissingRows(LoginAttemptKeys keys, Instant now) {
        jdbi.useHandle(handle -> {
            Set<String> existing = new HashSet<>(handle.createQuery("""
                            SELECT scope FROM login_throttles
                             WHERE (scope = :client AND throttle_key = :clientKey)
                                OR (scope = :email AND throttle_key = :emailKey)
                                OR (scope = :pair AND throttle_key = :pairKey)""")
                    .bind("client", ThrottleScope.CLIENT.externalName())
                    .bind("clientKey", keys.client())
                    .bind("email", ThrottleScope.EMAIL.externalName())
                    .bind("emailKey", keys.email())
                    .bind("pair", ThrottleScope.EMAIL_AND_CLIENT.externalName())
                    .bind("pairKey", keys.emailAndClient())
                    .mapTo(String.class)
                    .list());
            for (ThrottleScope scope : LOCK_ORDER) {
                if (existing.contains(scope.externalName())) {
                    continue;
                }
                try {
                    handle.createUpdate("""
                                    INSERT INTO login_throttles (scope, throttle_key, email_key, failures,
                                                                 window_started_at, locks)
                                    VALUES (:scope, :key, :emailKey, 0, :now, 0)""")
                            .bind("scope", scope.externalName())
                            .bind("key", keys.keyOf(scope))
                            .bind("emailKey", scope == ThrottleScope.EMAIL_AND_CLIENT ? keys.email() : null)
                            .bind("now", now)
                            .execute();
                } catch (JdbiException e) {
                    if (!UniqueViolation.causedBy(e)) {
                        throw e;
                    }
                }
            }
        });
    }

    /** Runs {@code work} in one transaction, with the attempt's three rows locked and read. */
    private <T> T inLockedTransaction(LoginAttemptKeys keys, LockoutPolicy policy, Instant now,
            BiFunction<Handle, List<FailureCount>, T> work) {
        return Storage.call(() -> {
            createMissingRows(keys, now);
            return jdbi.inTransaction(handle -> work.apply(handle, lockAll(handle, keys, now, policy)));
        });
    }

    /** Locks the three rows in {@link #LOCK_ORDER} and returns their counts as seen at {@code now}. */
    private static List<FailureCount> lockAll(Handle handle, LoginAttemptKeys keys, Instant now,
            LockoutPolicy policy) {
        List<FailureCount> counts = new ArrayList<>();
        for (ThrottleScope scope : LOCK_ORDER) {
            // A row deleted by a success or an unlock since it was created counts as empty.
            FailureCount count = lock(handle, scope, keys.keyOf(scope)).orElse(FailureCount.none(now));
            counts.add(count.at(now, policy));
        }
        return counts;
    }

    private static Optional<FailureCount> lock(Handle handle, ThrottleScope scope, String key) {
        return handle.createQuery("""
                        SELECT failures, window_started_at, locked_until, locks, last_failure_at
                          FROM login_throttles
                         WHERE scope = :scope AND throttle_key = :key
                           FOR UPDATE""")
                .bind("scope", scope.externalName())
                .bind("key", key)
                .map((rs, ctx) -> new FailureCount(
                        rs.getInt("failures"),
                        Rows.instant(rs, "window_started_at"),
                        Optional.ofNullable(Rows.instant(rs, "locked_until")),
                        rs.getInt("locks"),
                        Optional.ofNullable(Rows.instant(rs, "last_failure_at"))))
                .findOne();
    }

    /** Writes the count, recreating the row if a success or an unlock deleted it meanwhile. */
    private static void store(Handle handle, ThrottleScope scope, LoginAttemptKeys keys, FailureCount count) {
        int updated = bindCount(handle.createUpdate("""
                        UPDATE login_throttles
                           SET failures = :failures, window_started_at = :windowStartedAt,
                               locked_until = :lockedUntil, locks = :locks, last_failure_at = :lastFailureAt
                         WHERE scope = :scope AND throttle_key = :key"""), scope, keys, count)
                .execute();
        if (updated == 0) {
            bindCount(handle.createUpdate("""
                            INSERT INTO login_throttles (scope, throttle_key, email_key, failures, window_started_at,
                                                         locked_until, locks, last_failure_at)
                            VALUES (:scope, :key, :emailKey, :failures, :windowStartedAt, :lockedUntil, :locks,
                                    :lastFailureAt)"""), scope, keys, count)
                    .bind("emailKey", scope == ThrottleScope.EMAIL_AND_CLIENT ? keys.email() : null)
                    .execute();
        }
    }

    private static Update bindCount(Update statement, ThrottleScope scope, LoginAttemptKeys keys, FailureCount count) {
        return statement
                .bind("scope", scope.externalName())
                .bind("key", keys.keyOf(scope))
                .bind("failures", count.failures())
                .bind("windowStartedAt", count.windowStartedAt())
                .bind("lockedUntil", count.lockedUntil().orElse(null))
                .bind("locks", count.locks())
                .bind("lastFailureAt", count.lastFailureAt().orElse(null));
    }
}
