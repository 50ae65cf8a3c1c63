package id.anycheck.auth.application.fakes;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link LoginAttempts} with the same counting rules as the database adapter. Thread-safe. */
public final class InMemoryLoginAttempts implements LoginAttempts {

    private record Row(String emailKey, FailureCount count) {
    }

    private static final List<ThrottleScope> ORDER =
            List.of(ThrottleScope.CLIENT, ThrottleScope.EMAIL, ThrottleScope.EMAIL_AND_CLIENT);

    private final Map<String, Row> rows = new HashMap<>();

    @Override
    public synchronized Reservation reserve(LoginAttemptKeys keys, LockoutPolicy policy, Instant now) {
        for (ThrottleScope scope : ORDER) {
            Optional<Duration> wait = count(scope, keys, policy, now).waitAt(now, policy.limitOf(scope));
            if (wait.isPresent()) {
                return Reservation.locked(scope, wait.get());
            }
        }
        put(ThrottleScope.EMAIL, keys, count(ThrottleScope.EMAIL, keys, policy, now).reserve(now));
        put(ThrottleScope.EMAIL_AND_CLIENT, keys, count(ThrottleScope.EMAIL_AND_CLIENT, keys, policy, now).reserve(now));
        return Reservation.allowed();
    }

    @Override
    public synchronized Failure fail(LoginAttemptKeys keys, LockoutPolicy policy, Instant now) {
        List<NewLock> newLocks = new ArrayList<>();
        FailureCount pair = count(ThrottleScope.EMAIL_AND_CLIENT, keys, policy, now);
        if (pair.failures() == 1) {
            FailureCount client = count(ThrottleScope.CLIENT, keys, policy, now).fail(now);
            put(ThrottleScope.CLIENT, keys, lock(ThrottleScope.CLIENT, client, policy, now, newLocks));
        }
        put(ThrottleScope.EMAIL, keys,
                lock(ThrottleScope.EMAIL, count(ThrottleScope.EMAIL, keys, policy, now), policy, now, newLocks));
        put(ThrottleScope.EMAIL_AND_CLIENT, keys, lock(ThrottleScope.EMAIL_AND_CLIENT, pair, policy, now, newLocks));
        return new Failure(newLocks);
    }

    @Override
    public synchronized void succeed(LoginAttemptKeys keys, Instant now) {
        Row email = rows.get(id(ThrottleScope.EMAIL, keys.email()));
        if (email != null) {
            put(ThrottleScope.EMAIL, keys, email.count().release());
        }
        Row pair = rows.get(id(ThrottleScope.EMAIL_AND_CLIENT, keys.emailAndClient()));
        if (pair != null) {
            put(ThrottleScope.EMAIL_AND_CLIENT, keys, pair.count().reset(now));
        }
    }

    @Override
    public synchronized int clear(String emailKey) {
        int[] withFailures = {0};
        rows.entrySet().removeIf(entry -> {
            boolean ofEmail = entry.getKey().equals(id(ThrottleScope.EMAIL, emailKey))
                    || (entry.getKey().startsWith(ThrottleScope.EMAIL_AND_CLIENT + "|")
                            && emailKey.equals(entry.getValue().emailKey()));
            FailureCount count = entry.getValue().count();
            if (ofEmail && (count.failures() > 0 || count.lockedUntil().isPresent())) {
                withFailures[0]++;
            }
            return ofEmail;
        });
        return withFailures[0];
    }

    @Override
    public synchronized int purgeIdle(Instant idleSince, Instant now) {
        int before = rows.size();
        rows.values().removeIf(row -> !row.count().isLocked(now)
                && row.count().lastFailureAt().orElse(row.count().windowStartedAt()).isBefore(idleSince));
        return before - rows.size();
    }

    private static FailureCount lock(ThrottleScope scope, FailureCount count, LockoutPolicy policy, Instant now,
            List<NewLock> newLocks) {
        FailureCount after = count.lockIfFull(now, policy.limitOf(scope));
        if (after != count) {
            newLocks.add(new NewLock(scope, after.lockedUntil().orElseThrow()));
        }
        return after;
    }

    private FailureCount count(ThrottleScope scope, LoginAttemptKeys keys, LockoutPolicy policy, Instant now) {
        Row row = rows.get(id(scope, keys.keyOf(scope)));
        return (row == null ? FailureCount.none(now) : row.count()).at(now, policy);
    }

    private void put(ThrottleScope scope, LoginAttemptKeys keys, FailureCount count) {
        String emailKey = scope == ThrottleScope.EMAIL_AND_CLIENT ? keys.email() : null;
        rows.put(id(scope, keys.keyOf(scope)), new Row(emailKey, count));
    }

    private static String id(ThrottleScope scope, String key) {
        return scope + "|" + key;
    }
}
