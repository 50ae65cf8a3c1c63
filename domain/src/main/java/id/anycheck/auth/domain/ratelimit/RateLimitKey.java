package id.anycheck.auth.domain.ratelimit;

import java.util.Objects;

/**
 * The counter a request is charged to: a scope and the id within it, such as an organization
 * id or a client address.
 */
public record RateLimitKey(RateLimitScope scope, String id) {

    public RateLimitKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
    }
}
