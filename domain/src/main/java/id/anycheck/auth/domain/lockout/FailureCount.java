package id.anycheck.auth.domain.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed logins counted for one scope and key, with the lock they led to. A value: each step
 * returns the next state, which the caller stores while it holds the row lock.
 *
 * <p>A login attempt is counted before its password is checked ({@link #reserve}), so parallel
 * attempts cannot all pass a count that has room for one more: that is what keeps the sixth of
 * twenty parallel wrong passwords out. A correct password gives the reservation back.
 *
 * @param failures attempts counted in the current window, including those still being checked
 * @param windowStartedAt start of the current counting window
 * @param lockedUntil end of the current lock, if one was set
 * @param locks locks so far since the last quiet period, which choose the next back-off
 * @param lastFailureAt time of the latest failure or reservation, if any
 */
public record FailureCount(
        int failures,
        Instant windowStartedAt,
        Optional<Instant> lockedUntil,
        int locks,
        Optional<Instant> lastFailureAt) {

    /** Age after which an unresolved reservation counts as abandoned; a password check takes far less. */
    public static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    public FailureCount {
        Objects.requireNonNull(windowStartedAt, "windowStartedAt");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    }

    public static FailureCount none(Instant now) {
        return new FailureCount(0, now, Optional.empty(), 0, Optional.empty());
    }

    /** Returns this count as seen at {@code now}: an ended window starts again, a long quiet resets the back-off. */
    public FailureCount at(Instant now, LockoutPolicy policy) {
        FailureCount current = this;
        if (!windowStartedAt.plus(policy.window()).isAfter(now)) {
            current = new FailureCount(0, now, lockedUntil, locks, lastFailureAt);
        }
        boolean quiet = lastFailureAt.map(last -> !last.plus(policy.quietPeriod()).isAfter(now)).orElse(true);
        if (quiet && current.locks > 0 && !current.isLocked(now)) {
            current = new FailureCount(current.failures, current.windowStartedAt, Optional.empty(), 0,
                    current.lastFailureAt);
        }
        return current;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil.map(until -> until.isAfter(now)).orElse(false);
    }

    /**
     * Returns how long a new attempt must wait, or empty if it may go ahead. A full count without a
     * lock means the attempts that filled it are still being checked: the lock, if they fail, follows
     * within a second, so the wait is one second. Reservations older than
     * {@link #ABANDONED_AFTER} were never resolved, for example because the server stopped while
     * checking them, so they no longer hold the count full.
     */
    public Optional<Duration> waitAt(Instant now, LockoutPolicy.Limit limit) {
        if (isLocked(now)) {
            return Optional.of(Duration.between(now, lockedUntil.orElseThrow()));
        }
        boolean inFlight = lastFailureAt.map(last -> last.plus(ABANDONED_AFTER).isAfter(now)).orElse(false);
        if (failures >= limit.threshold() && inFlight) {
            return Optional.of(Duration.ofSeconds(1));
        }
        return Optional.empty();
    }

    /** Counts an attempt whose password is about to be checked. */
    public FailureCount reserve(Instant now) {
        return new FailureCount(failures + 1, windowStartedAt, lockedUntil, locks, Optional.of(now));
    }

    /** Gives back the reservation of an attempt whose password was correct. */
    public FailureCount release() {
        return new FailureCount(Math.max(0, failures - 1), windowStartedAt, lockedUntil, locks, lastFailureAt);
    }

    /** Ends the count after a successful login, keeping the number of earlier locks for the back-off. */
    public FailureCount reset(Instant now) {
        return new FailureCount(0, now, Optional.empty(), locks, lastFailureAt);
    }

    /** Counts one more failure without an earlier reservation, as for the distinct emails of a client. */
    public FailureCount fail(Instant now) {
        return reserve(now);
    }

    /**
     * Locks the scope if its count reached the threshold and no lock is running. The count starts
     * again, so after the lock the scope gets another full set of attempts, and the next lock lasts longer.
     */
    public FailureCount lockIfFull(Instant now, LockoutPolicy.Limit limit) {
        if (failures < limit.threshold() || isLocked(now)) {
            return this;
        }
        Instant until = now.plus(limit.backoffAfter(locks));
        return new FailureCount(0, now, Optional.of(until), locks + 1, Optional.of(now));
    }
}
