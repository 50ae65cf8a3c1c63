package id.anycheck.auth.domain.organization;

import java.time.Instant;
import java.util.Objects;

/** Group of an organization: the unit that memberships, roles and quotas are granted on. */
public record Group(GroupId id, OrganizationId organizationId, String name, Instant createdAt) {

    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(createdAt, "createdAt");
        name = DisplayNames.requireValid(name, "group name");
    }
}
