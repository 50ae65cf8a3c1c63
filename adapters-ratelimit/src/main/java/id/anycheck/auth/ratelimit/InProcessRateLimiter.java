package id.anycheck.auth.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.anycheck.auth.domain.port.RateLimiter;
import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitKey;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Rate limit adapter: counts requests in this process, one Resilience4j {@code AtomicRateLimiter}
 * per counter, so each instance of the service enforces its limits on its own share of the
 * traffic. Each counter allows its limit per fixed window that starts when the counter is
 * created. Thread-safe.
 *
 * <p>Resilience4j cannot give a permit back, so the all-or-nothing rule of {@link #tryAcquire}
 * is kept by a lock: calls that share a first quota (an organization, or a client address) take
 * the same lock, check that every counter has a permit, and only then take one from each. The
 * locks are striped, so unrelated organizations rarely wait for each other, and the critical
 * section holds no I/O.
 *
 * <p>A counter unused for a whole window is evicted: its window has ended, so a new counter
 * would count the same. At most {@code maxCounters} counters are kept; beyond that the least
 * valuable ones are evicted even if they are in use, which resets their count. That bound keeps
 * memory fixed however many groups and client addresses send requests.
 */
public final class InProcessRateLimiter implements RateLimiter {

    private static final int LOCK_STRIPES = 1024;

    private final long windowNanos;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Cache<RateLimitKey, WindowCounter> counters;
    private final Object[] locks = new Object[LOCK_STRIPES];

    /**
     * @param window the length of each counting window; limits are requests per window
     * @param maxCounters how many counters are kept at most
     * @param clock the wall clock that reset times are reported in
     * @param nanoTime the monotonic time source of the windows, {@code System::nanoTime} outside tests
     */
    public InProcessRateLimiter(Duration window, int maxCounters, Clock clock, LongSupplier nanoTime) {
        if (window.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("the window must be at least 1 ms, but is " + window);
        }
        if (maxCounters < 1) {
            throw new IllegalArgumentException("at least one counter must be kept, but maxCounters is " + maxCounters);
        }
        this.windowNanos = window.toNanos();
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.counters = Caffeine.newBuilder()
                .expireAfterAccess(window)
                .maximumSize(maxCounters)
                .ticker(nanoTime::getAsLong)
                // Evicts on the calling thread, so no background thread is needed and the maximum applies at once.
                .executor(Runnable::run)
                .build();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Creates a limiter with one-minute windows on the system's monotonic time. */
    public static InProcessRateLimiter perMinute(int maxCounters, Clock clock) {
        return new InProcessRateLimiter(Duration.ofMinutes(1), maxCounters, clock, System::nanoTime);
    }

    @Override
    public RateLimitDecision tryAcquire(List<RateLimitQuota> quotas) {
        requireDistinctKeys(quotas);

        synchronized (lockFor(quotas.get(0).key())) {
            List<WindowCounter> charged = new ArrayList<>(quotas.size());
            for (RateLimitQuota quota : quotas) {
                charged.add(counterFor(quota));
            }

            boolean allowed = charged.stream().allMatch(WindowCounter::hasPermit);
            if (allowed) {
                charged.forEach(WindowCounter::acquire);
            }

            Instant wallNow = clock.instant();
            long now = nanoTime.getAsLong();
            return new RateLimitDecision(allowed,
                    charged.stream().map(counter -> counter.state(wallNow, now)).toList());
        }
    }

    /** Returns how many counters are kept, after evicting the idle ones. */
    public long counterCount() {
        counters.cleanUp();
        return counters.estimatedSize();
    }

    /** Returns the quota's counter, replaced by one with the new limit if the limit changed. Hold the lock. */
    private WindowCounter counterFor(RateLimitQuota quota) {
        WindowCounter counter = counters.get(quota.key(), key -> WindowCounter.start(quota, windowNanos, nanoTime));
        if (counter.limit() != quota.limit()) {
            counter = counter.withLimit(quota.limit());
            counters.put(quota.key(), counter);
        }
        return counter;
    }

    private Object lockFor(RateLimitKey key) {
        int hash = key.hashCode();
        return locks[((hash ^ (hash >>> 16)) & Integer.MAX_VALUE) % LOCK_STRIPES];
    }

    private static void requireDistinctKeys(List<RateLimitQuota> quotas) {
        if (quotas.isEmpty()) {
            throw new IllegalArgumentException("at least one quota is needed");
        }
        HashSet<RateLimitKey> keys = new HashSet<>();
        for (RateLimitQuota quota : quotas) {
            if (!keys.add(quota.key())) {
                throw new IllegalArgumentException("quota " + quota.key() + " is named twice");
            }
        }
    }
}
