package id.anycheck.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitKey;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import id.anycheck.auth.domain.ratelimit.RateLimitScope;
import id.anycheck.auth.domain.ratelimit.RateLimitState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest {

    private static final Instant WALL_START = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** Monotonic time the tests move by hand; it starts far from zero, as System.nanoTime may. */
    private final AtomicLong nanos = new AtomicLong(7_000_000_000L);
    private final Clock clock = Clock.fixed(WALL_START, ZoneOffset.UTC);
    private final InProcessRateLimiter limiter = new InProcessRateLimiter(WINDOW, 1_000, clock, nanos::get);

    private final RateLimitQuota organization = quota(RateLimitScope.ORGANIZATION, 5);

    @Test
    void allowsLimitThenRejects() {
        for (int i = 0; i < 5; i++) {
            RateLimitDecision decision = limiter.tryAcquire(List.of(organization));
            assertThat(decision.allowed()).as("request %d", i).isTrue();
            assertThat(decision.closestToExhaustion().remaining()).isEqualTo(4 - i);
        }

        RateLimitDecision rejected = limiter.tryAcquire(List.of(organization));

        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.rejectedBy()).isEqualTo(RateLimitScope.ORGANIZATION);
        assertThat(rejected.closestToExhaustion().remaining()).isZero();
        assertThat(rejected.closestToExhaustion().limit()).isEqualTo(5);
    }

    @Test
    void windowResetsWhenAnnounced() {
        exhaust(organization);
        RateLimitState exhausted = limiter.tryAcquire(List.of(organization)).closestToExhaustion();
        assertThat(exhausted.resetAt()).isEqualTo(WALL_START.plus(WINDOW));
        assertThat(exhausted.resetAfter()).isEqualTo(WINDOW);

        nanos.addAndGet(WINDOW.toNanos() - 1);
        assertThat(limiter.tryAcquire(List.of(organization)).allowed()).as("1 ns before the reset").isFalse();

        nanos.addAndGet(1);
        RateLimitDecision afterReset = limiter.tryAcquire(List.of(organization));
        assertThat(afterReset.allowed()).isTrue();
        assertThat(afterReset.closestToExhaustion().remaining()).isEqualTo(4);
        assertThat(afterReset.closestToExhaustion().resetAfter()).isEqualTo(WINDOW);
    }

    @Test
    void windowResetsOnRealMonotonicTime() throws InterruptedException {
        Duration shortWindow = Duration.ofMillis(200);
        InProcessRateLimiter realTime = new InProcessRateLimiter(shortWindow, 10, Clock.systemUTC(), System::nanoTime);
        RateLimitQuota quota = quota(RateLimitScope.CLIENT_IP, 2);
        realTime.tryAcquire(List.of(quota));
        realTime.tryAcquire(List.of(quota));
        RateLimitDecision rejected = realTime.tryAcquire(List.of(quota));
        assertThat(rejected.allowed()).isFalse();
        Duration resetAfter = rejected.closestToExhaustion().resetAfter();
        assertThat(resetAfter).isPositive().isLessThanOrEqualTo(shortWindow);

        TimeUnit.NANOSECONDS.sleep(resetAfter.toNanos() + 1);

        assertThat(realTime.tryAcquire(List.of(quota)).allowed()).isTrue();
    }

    @Test
    void rejectedRequestConsumesNothing() {
        RateLimitQuota smallGroup = quota(RateLimitScope.GROUP, 2);
        RateLimitQuota largeGroup = quota(RateLimitScope.GROUP, 100);
        exhaust(organization, smallGroup);

        RateLimitDecision rejected = limiter.tryAcquire(List.of(organization, smallGroup));

        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.rejectedBy()).isEqualTo(RateLimitScope.GROUP);
        assertThat(rejected.states().get(0).remaining()).as("organization").isEqualTo(3);
        assertThat(limiter.tryAcquire(List.of(organization, largeGroup)).states().get(0).remaining()).isEqualTo(2);
    }

    @Test
    void groupQuotaBelowOrganizationLimitApplies() {
        RateLimitQuota group = quota(RateLimitScope.GROUP, 2);

        int allowed = countAllowed(10, List.of(organization, group));

        assertThat(allowed).isEqualTo(2);
    }

    @Test
    void groupsShareOrganizationLimit() {
        RateLimitQuota first = quota(RateLimitScope.GROUP, 4);
        RateLimitQuota second = quota(RateLimitScope.GROUP, 4);

        int firstAllowed = countAllowed(3, List.of(organization, first));
        RateLimitDecision secondGroup = limiter.tryAcquire(List.of(organization, second));
        RateLimitDecision secondGroupAgain = limiter.tryAcquire(List.of(organization, second));
        RateLimitDecision rejected = limiter.tryAcquire(List.of(organization, second));

        assertThat(firstAllowed).isEqualTo(3);
        assertThat(secondGroup.allowed()).isTrue();
        assertThat(secondGroupAgain.allowed()).isTrue();
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.rejectedBy()).isEqualTo(RateLimitScope.ORGANIZATION);
        assertThat(rejected.states().get(1).remaining()).as("second group").isEqualTo(2);
    }

    @Test
    void headersReportCounterClosestToExhaustion() {
        RateLimitQuota group = quota(RateLimitScope.GROUP, 100);

        RateLimitState reported = limiter.tryAcquire(List.of(organization, group)).closestToExhaustion();

        assertThat(reported.key()).isEqualTo(organization.key());
        assertThat(reported.remaining()).isEqualTo(4);
    }

    @Test
    void concurrentRequestsAllowExactlyLimit() throws Exception {
        RateLimitQuota fifty = quota(RateLimitScope.ORGANIZATION, 50);
        InProcessRateLimiter realTime = InProcessRateLimiter.perMinute(100, Clock.systemUTC());

        List<Boolean> outcomes = runConcurrently(200, 8, i -> realTime.tryAcquire(List.of(fifty)).allowed());

        assertThat(outcomes.stream().filter(allowed -> allowed).count()).isEqualTo(50);
    }

    @Test
    void concurrentRequestsOverTwoGroupsStayExact() throws Exception {
        RateLimitQuota fifty = quota(RateLimitScope.ORGANIZATION, 50);
        RateLimitQuota first = quota(RateLimitScope.GROUP, 30);
        RateLimitQuota second = quota(RateLimitScope.GROUP, 30);
        InProcessRateLimiter realTime = InProcessRateLimiter.perMinute(100, Clock.systemUTC());

        List<Boolean> outcomes = runConcurrently(200, 8,
                i -> realTime.tryAcquire(List.of(fifty, i % 2 == 0 ? first : second)).allowed());

        assertThat(outcomes.stream().filter(allowed -> allowed).count()).isEqualTo(50);
        RateLimitDecision probeFirst = realTime.tryAcquire(List.of(fifty, first));
        RateLimitDecision probeSecond = realTime.tryAcquire(List.of(fifty, second));
        int firstUsed = 30 - probeFirst.states().get(1).remaining();
        int secondUsed = 30 - probeSecond.states().get(1).remaining();
        assertThat(firstUsed + secondUsed).as("requests charged to the groups").isEqualTo(50);
    }

    @Test
    void raisedLimitKeepsRequestsCounted() {
        exhaust(organization);

        RateLimitDecision raised = limiter.tryAcquire(List.of(quota(organization.key(), 8)));

        assertThat(raised.allowed()).isTrue();
        assertThat(raised.closestToExhaustion().limit()).isEqualTo(8);
        assertThat(raised.closestToExhaustion().remaining()).isEqualTo(2);
    }

    @Test
    void loweredLimitAppliesAtOnce() {
        limiter.tryAcquire(List.of(organization));
        limiter.tryAcquire(List.of(organization));

        RateLimitDecision lowered = limiter.tryAcquire(List.of(quota(organization.key(), 2)));

        assertThat(lowered.allowed()).isFalse();
        assertThat(lowered.closestToExhaustion().limit()).isEqualTo(2);
    }

    @Test
    void idleCountersAreEvicted() {
        for (int i = 0; i < 500; i++) {
            limiter.tryAcquire(List.of(organization, quota(RateLimitScope.GROUP, 10)));
        }
        assertThat(limiter.counterCount()).isEqualTo(501);

        nanos.addAndGet(WINDOW.toNanos());

        assertThat(limiter.counterCount()).isZero();
    }

    @Test
    void counterCountStaysBoundedForManyGroups() {
        int maxCounters = 10_000;
        InProcessRateLimiter bounded = new InProcessRateLimiter(WINDOW, maxCounters, clock, nanos::get);

        for (int i = 0; i < 100_000; i++) {
            RateLimitQuota owner = quota(RateLimitScope.ORGANIZATION, 600);
            bounded.tryAcquire(List.of(owner, quota(RateLimitScope.GROUP, 60)));
        }

        assertThat(bounded.counterCount()).isLessThanOrEqualTo(maxCounters);
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> limiter.tryAcquire(List.of(organization, organization)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private void exhaust(RateLimitQuota... quotas) {
        int attempts = 1_000;
        assertThat(countAllowed(attempts, List.of(quotas))).isLessThan(attempts);
    }

    private int countAllowed(int requests, List<RateLimitQuota> quotas) {
        int allowed = 0;
        for (int i = 0; i < requests; i++) {
            allowed += limiter.tryAcquire(quotas).allowed() ? 1 : 0;
        }
        return allowed;
    }

    private interface Request {
        boolean send(int index);
    }

    private static List<Boolean> runConcurrently(int requests, int threads, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.send(index);
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static RateLimitQuota quota(RateLimitScope scope, int limit) {
        return quota(new RateLimitKey(scope, UUID.randomUUID().toString()), limit);
    }

    private static RateLimitQuota quota(RateLimitKey key, int limit) {
        return new RateLimitQuota(key, limit);
    }
}
