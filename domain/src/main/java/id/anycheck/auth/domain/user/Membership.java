package id.anycheck.auth.domain.user;

import id.anycheck.auth.domain.organization.GroupId;
import java.util.Objects;

/** A user's role in one group of their organization. */
public record Membership(UserId userId, GroupId groupId, Role role) {

    public Membership {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(role, "role");
    }
}
