import id.anycheck.auth.domain.ratelimit.RateLimitKey;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import id.anycheck.auth.domain.ratelimit.RateLimitScope;
import id.anycheck.auth.ratelimit.InProcessRateLimiter;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Measures the in-process rate limiter: heap per counter, with one organization and one group
 * counter per charged request as the service keeps them, and the time of one charge to an
 * organization and a group from a single thread.
 *
 * <p>Usage: {@code java -cp anycheck-auth.jar:. RateLimiterCost GROUPS}
 */
public final class RateLimiterCost {

    private static final int CHARGES_PER_ROUND = 2_000_000;

    public static void main(String[] arguments) throws Exception {
        int groups = Integer.parseInt(arguments[0]);
        InProcessRateLimiter limiter = InProcessRateLimiter.perMinute(2 * groups, Clock.systemUTC());

        long heapBefore = usedHeap();
        for (int i = 0; i < groups; i++) {
            limiter.tryAcquire(List.of(quota(RateLimitScope.ORGANIZATION, UUID.randomUUID().toString(), 600),
                    quota(RateLimitScope.GROUP, UUID.randomUUID().toString(), 60)));
        }
        long heapAfter = usedHeap();
        long counters = limiter.counterCount();
        System.out.printf("%d counters: %.1f MiB of heap, %.0f bytes per counter%n",
                counters, (heapAfter - heapBefore) / 1048576.0, (heapAfter - heapBefore) / (double) counters);

        List<RateLimitQuota> charged = List.of(quota(RateLimitScope.ORGANIZATION, "bench", Integer.MAX_VALUE),
                quota(RateLimitScope.GROUP, "bench", Integer.MAX_VALUE));
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CHARGES_PER_ROUND; i++) {
                limiter.tryAcquire(charged);
            }
            System.out.printf("round %d: %.0f ns per charge to an organization and a group, one thread%n",
                    round, (System.nanoTime() - start) / (double) CHARGES_PER_ROUND);
        }
    }

    private static RateLimitQuota quota(RateLimitScope scope, String id, int limit) {
        return new RateLimitQuota(new RateLimitKey(scope, id), limit);
    }

    /** Returns the heap in use after asking for garbage collection a few times. */
    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
