package id.anycheck.auth.domain.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One counter's standing right after a request was charged or rejected.
 *
 * @param limit requests allowed per window
 * @param remaining requests still allowed in the current window, 0 to {@code limit}
 * @param window the length of each window
 * @param resetAt when the current window ends and {@code remaining} returns to {@code limit}
 * @param resetAfter the time from the decision to {@code resetAt}
 */
public record RateLimitState(
        RateLimitKey key, int limit, int remaining, Duration window, Instant resetAt, Duration resetAfter) {

    public RateLimitState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (remaining < 0 || remaining > limit) {
            throw new IllegalArgumentException("remaining " + remaining + " is outside 0 to " + limit);
        }
    }

    public boolean exhausted() {
        return remaining == 0;
    }
}
