package id.anycheck.auth.ratelimit;

import id.anycheck.auth.domain.ratelimit.RateLimitKey;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import id.anycheck.auth.domain.ratelimit.RateLimitState;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * One counter: a Resilience4j rate limiter that grants {@code limit} permits per fixed window and
 * never waits for one. It is not thread-safe by itself, so {@link InProcessRateLimiter} calls it
 * only under the lock of the counter's organization.
 */
final class WindowCounter {

    private final RateLimitKey key;
    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final AtomicRateLimiter limiter;
    /**
     * Start of the first window, read just after Resilience4j read its own start. It is at most a
     * few microseconds late, so a reported reset is never earlier than the real one.
     */
    private final long startNanos;

    private WindowCounter(RateLimitKey key, int limit, long windowNanos, LongSupplier nanoTime) {
        this.key = key;
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofNanos(windowNanos))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiter = new AtomicRateLimiter(key.id(), config, nanoTime::getAsLong);
        this.startNanos = nanoTime.getAsLong();
    }

    static WindowCounter start(RateLimitQuota quota, long windowNanos, LongSupplier nanoTime) {
        return new WindowCounter(quota.key(), quota.limit(), windowNanos, nanoTime);
    }

    int limit() {
        return limit;
    }

    boolean hasPermit() {
        return limiter.getMetrics().getAvailablePermissions() > 0;
    }

    /** Takes one permit; the caller checked {@link #hasPermit} under the same lock. */
    void acquire() {
        if (!limiter.acquirePermission()) {
            throw new IllegalStateException(
                    "counter " + key + " had a permit a moment ago but rejected the acquisition");
        }
    }

    /**
     * Returns a counter with another limit whose window starts now. The requests counted in the
     * current window are carried over, up to the new limit, so changing a limit never hands out
     * a fresh allowance.
     */
    WindowCounter withLimit(int newLimit) {
        int used = limit - remaining();
        WindowCounter replacement = new WindowCounter(key, newLimit, windowNanos, nanoTime);
        int carried = Math.min(used, newLimit);
        if (carried > 0 && !replacement.limiter.acquirePermission(carried)) {
            throw new IllegalStateException(
                    "a new counter rejected the acquisition of " + carried + " of its " + newLimit + " permits");
        }
        return replacement;
    }

    RateLimitState state(Instant wallNow, long now) {
        long windowEnd = startNanos + (limiter.getDetailedMetrics().getCycle() + 1) * windowNanos;
        Duration resetAfter = Duration.ofNanos(Math.max(0, windowEnd - now));
        return new RateLimitState(
                key, limit, remaining(), Duration.ofNanos(windowNanos), wallNow.plus(resetAfter), resetAfter);
    }

    private int remaining() {
        return Math.max(0, Math.min(limit, limiter.getMetrics().getAvailablePermissions()));
    }
}
