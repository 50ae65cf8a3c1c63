package id.anycheck.auth.domain.ratelimit;

import java.util.Objects;

/**
 * A counter and how many requests it allows per window.
 *
 * @param limit requests allowed per window, at least 1
 */
public record RateLimitQuota(RateLimitKey key, int limit) {

    public RateLimitQuota {
        Objects.requireNonNull(key, "key");
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 request, but is " + limit);
        }
    }
}
