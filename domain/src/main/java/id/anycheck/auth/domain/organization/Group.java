package id.anycheck.auth.domain.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Group of an organization: the unit that memberships, roles and quotas are granted on.
 *
 * @param rateLimitPerMinute the group's own request quota per minute, empty when only the
 *     organization's limit applies. A quota above the organization's limit is allowed, but the
 *     organization's limit still applies to every request.
 */
public record Group(
        GroupId id, OrganizationId organizationId, String name, Optional<Integer> rateLimitPerMinute, Instant createdAt) {

    /** Largest group quota, in requests per minute. */
    public static final int MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;

    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(rateLimitPerMinute, "rateLimitPerMinute");
        Objects.requireNonNull(createdAt, "createdAt");
        name = DisplayNames.requireValid(name, "group name");
        rateLimitPerMinute.ifPresent(Group::requireValidRateLimit);
    }

    /** Creates a group without a quota of its own. */
    public Group(GroupId id, OrganizationId organizationId, String name, Instant createdAt) {
        this(id, organizationId, name, Optional.empty(), createdAt);
    }

    /** Checks a group quota; throws IllegalArgumentException unless it is 1 to {@link #MAX_RATE_LIMIT_PER_MINUTE}. */
    public static int requireValidRateLimit(int requestsPerMinute) {
        if (requestsPerMinute < 1 || requestsPerMinute > MAX_RATE_LIMIT_PER_MINUTE) {
            throw new IllegalArgumentException("a group's rate limit must be 1 to " + MAX_RATE_LIMIT_PER_MINUTE
                    + " requests per minute, but is " + requestsPerMinute);
        }
        return requestsPerMinute;
    }
}
