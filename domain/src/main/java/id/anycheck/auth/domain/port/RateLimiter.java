package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import java.util.List;

/**
 * Port: counts requests against limits per fixed window. Implementations are thread-safe.
 */
public interface RateLimiter {

    /**
     * Charges one request to every quota if each has a request left in its window, else to none.
     * Every call that names a counter must name the same first quota, such as the organization
     * that owns a group, because implementations serialize the charges of calls that share a
     * first quota to keep the all-or-nothing rule exact.
     *
     * @param quotas one or more quotas with distinct keys; the first is the outermost scope
     */
    RateLimitDecision tryAcquire(List<RateLimitQuota> quotas);
}
