package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.port.RateLimiter;
import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitKey;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import id.anycheck.auth.domain.ratelimit.RateLimitState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory {@link RateLimiter} with one window that never ends: it counts every request charged
 * to each key, all or nothing like the real adapter, and remembers the quotas of the last call.
 * Every method holds this object's lock. Thread-safe.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<RateLimitKey, Integer> used = new HashMap<>();
    private List<RateLimitQuota> lastQuotas = List.of();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized RateLimitDecision tryAcquire(List<RateLimitQuota> quotas) {
        lastQuotas = List.copyOf(quotas);
        boolean allowed = quotas.stream().allMatch(quota -> used(quota.key()) < quota.limit());
        if (allowed) {
            quotas.forEach(quota -> used.merge(quota.key(), 1, Integer::sum));
        }
        List<RateLimitState> states = quotas.stream()
                .map(quota -> new RateLimitState(quota.key(), quota.limit(),
                        Math.max(0, quota.limit() - used(quota.key())), WINDOW, clock.instant().plus(WINDOW), WINDOW))
                .toList();
        return new RateLimitDecision(allowed, states);
    }

    /** Returns the quotas of the last call, in the order given. */
    public synchronized List<RateLimitQuota> lastQuotas() {
        return lastQuotas;
    }

    private int used(RateLimitKey key) {
        return used.getOrDefault(key, 0);
    }
}
