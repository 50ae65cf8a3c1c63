package id.anycheck.auth.application;

import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.Role;
import java.util.Map;
import java.util.Optional;

/**
 * Request to add a user to an organization, validated by {@link CreateUser}.
 *
 * @param password the user's password, or empty to generate a one-time password
 * @param groupRoles the role to grant in each group
 */
public record CreateUserCommand(
        OrganizationId organizationId,
        String email,
        String name,
        Optional<String> password,
        Map<GroupId, Role> groupRoles) {

    public CreateUserCommand {
        groupRoles = Map.copyOf(groupRoles);
    }

    @Override
    public String toString() {
        return "CreateUserCommand[organizationId=" + organizationId + ", groups=" + groupRoles.keySet() + "]";
    }
}
