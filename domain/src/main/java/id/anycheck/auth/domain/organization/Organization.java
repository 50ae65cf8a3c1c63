package id.anycheck.auth.domain.organization;

import java.time.Instant;
import java.util.Objects;

/**
 * Customer organization: created by the operator after a signed contract. It has groups
 * and users, and can be deactivated, which stops every login of its users.
 */
public record Organization(OrganizationId id, String name, Plan plan, boolean active, Instant createdAt) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
        name = DisplayNames.requireValid(name, "organization name");
    }
}
