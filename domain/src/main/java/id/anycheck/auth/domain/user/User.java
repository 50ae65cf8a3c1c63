package id.anycheck.auth.domain.user;

import id.anycheck.auth.domain.organization.DisplayNames;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who logs in. A user belongs to exactly one organization, may be its Admin, and is
 * deactivated rather than deleted so that audit records keep their actor.
 *
 * @param passwordHash the self-describing password hash, empty for users who only sign in
 *     through single sign-on
 */
public record User(
        UserId id,
        OrganizationId organizationId,
        EmailAddress email,
        String name,
        Optional<String> passwordHash,
        boolean admin,
        boolean active,
        Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        name = DisplayNames.requireValid(name, "name");
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", organizationId=" + organizationId + ", admin=" + admin + ", active=" + active + "]";
    }
}
