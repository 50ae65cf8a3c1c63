package id.anycheck.auth.domain.lockout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Thresholds of failed-login tracking. Failures are counted per email and client address
 * ({@link ThrottleScope#EMAIL_AND_CLIENT}), per email from everywhere ({@link ThrottleScope#EMAIL}) and,
 * as distinct emails, per client address ({@link ThrottleScope#CLIENT}). Each count is kept for one
 * window; reaching a threshold locks that scope for the next back-off of its list, the last one
 * repeating. The back-off steps start again after a quiet period without failures.
 *
 * @param window how long failures are counted before their count starts again
 * @param quietPeriod failure-free time after which the next lock uses the first back-off again
 */
public record LockoutPolicy(
        Duration window,
        Duration quietPeriod,
        Limit emailAndClient,
        Limit email,
        Limit client) {

    /**
     * @param threshold failures within one window that lock the scope
     * @param backoffs lock durations in order; the last repeats for every further lock
     */
    public record Limit(int threshold, List<Duration> backoffs) {

        public Limit {
            if (threshold < 1) {
                throw new IllegalArgumentException("the threshold must be at least 1, got " + threshold);
            }
            backoffs = List.copyOf(backoffs);
            if (backoffs.isEmpty()) {
                throw new IllegalArgumentException("at least one back-off duration is needed");
            }
            for (Duration backoff : backoffs) {
                if (backoff.isNegative() || backoff.isZero()) {
                    throw new IllegalArgumentException("back-off durations must be positive, got " + backoff);
                }
            }
        }

        /** Returns how long the lock after {@code earlierLocks} earlier locks lasts. */
        public Duration backoffAfter(int earlierLocks) {
            return backoffs.get(Math.min(earlierLocks, backoffs.size() - 1));
        }
    }

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(
            Duration.ofMinutes(15),
            Duration.ofHours(24),
            new Limit(5, List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15))),
            new Limit(20, List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60))),
            new Limit(20, List.of(Duration.ofMinutes(15), Duration.ofMinutes(60))));

    public LockoutPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(emailAndClient, "emailAndClient");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(client, "client");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the counting window must be positive, got " + window);
        }
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("the quiet period must be positive, got " + quietPeriod);
        }
    }

    public Limit limitOf(ThrottleScope scope) {
        return switch (scope) {
            case EMAIL_AND_CLIENT -> emailAndClient;
            case EMAIL -> email;
            case CLIENT -> client;
        };
    }
}
