package id.anycheck.auth.domain.user;

import id.anycheck.auth.domain.organization.Group;
import java.util.Objects;

/** A group together with the role a user has in it. */
public record GroupRole(Group group, Role role) {

    public GroupRole {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(role, "role");
    }
}
