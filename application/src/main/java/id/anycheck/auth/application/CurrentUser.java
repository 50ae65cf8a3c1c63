package id.anycheck.auth.application;

import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.User;
import java.util.List;

/** The caller's own account: the user, their organization and their roles in its groups. */
public record CurrentUser(User user, Organization organization, List<GroupRole> groupRoles, boolean mfaEnabled) {

    public CurrentUser {
        groupRoles = List.copyOf(groupRoles);
    }
}
