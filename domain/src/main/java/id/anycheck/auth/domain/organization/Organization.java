package id.anycheck.auth.domain.organization;

import java.time.Instant;
import java.util.Objects;

/**
 * Customer organization: created by the operator after a signed contract. It has groups
 * and users, and can be deactivated, which stops every login of its users.
 *
 * @param mfaRequired whether every user must use a second factor
 */
public record Organization(
        OrganizationId id, String name, Plan plan, boolean active, Instant createdAt, boolean mfaRequired) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
        name = DisplayNames.requireValid(name, "organization name");
    }

    /** Describes an organization that does not require a second factor. */
    public Organization(OrganizationId id, String name, Plan plan, boolean active, Instant createdAt) {
        this(id, name, plan, active, createdAt, false);
    }

    public Organization withName(String newName) {
        return new Organization(id, newName, plan, active, createdAt, mfaRequired);
    }

    public Organization withMfaRequired(boolean required) {
        return new Organization(id, name, plan, active, createdAt, required);
    }
}
