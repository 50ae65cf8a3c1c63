package id.anycheck.auth.domain.access;

import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A caller with the roles they hold right now, as read from storage: a user (maybe the Admin,
 * maybe a Manager or User of some groups) or an API key (a User of its one group).
 */
public record Actor(
        OrganizationId organizationId,
        Optional<UserId> userId,
        Optional<ApiKeyId> apiKeyId,
        boolean admin,
        Map<GroupId, Role> groupRoles) {

    public Actor {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        if (userId.isPresent() == apiKeyId.isPresent()) {
            throw new IllegalArgumentException("an actor is either a user or an API key");
        }
        groupRoles = Map.copyOf(groupRoles);
    }

    public static Actor user(OrganizationId organizationId, UserId userId, boolean admin,
            Map<GroupId, Role> groupRoles) {
        return new Actor(organizationId, Optional.of(userId), Optional.empty(), admin, groupRoles);
    }

    public static Actor apiKey(OrganizationId organizationId, ApiKeyId keyId, GroupId groupId) {
        return new Actor(organizationId, Optional.empty(), Optional.of(keyId), false, Map.of(groupId, Role.USER));
    }

    /** Returns whether the actor may take an organization-wide action. */
    public boolean can(Action action) {
        if (action.scope() != Action.Scope.ORGANIZATION) {
            throw new IllegalArgumentException(action + " concerns one group; name it");
        }
        if (admin && action.allows(AccessRole.ADMIN)) {
            return true;
        }
        // Every member of the organization, even one without a group yet, is at least a User of it.
        if (action.allows(AccessRole.USER)) {
            return true;
        }
        return groupRoles.values().stream().anyMatch(role -> action.allows(accessRole(role)));
    }

    /** Returns whether the actor may take a group action in that group of their organization. */
    public boolean can(Action action, GroupId groupId) {
        if (action.scope() != Action.Scope.GROUP) {
            throw new IllegalArgumentException(action + " concerns the whole organization");
        }
        if (admin && action.allows(AccessRole.ADMIN)) {
            return true;
        }
        Role role = groupRoles.get(groupId);
        return role != null && action.allows(accessRole(role));
    }

    /**
     * @throws ForbiddenException unless the actor may take the organization-wide action
     */
    public void require(Action action) {
        if (!can(action)) {
            throw forbidden(action);
        }
    }

    /**
     * @throws ForbiddenException unless the actor may take the group action in that group
     */
    public void require(Action action, GroupId groupId) {
        if (!can(action, groupId)) {
            throw forbidden(action);
        }
    }

    private static ForbiddenException forbidden(Action action) {
        return new ForbiddenException("Your role does not allow you to " + action.description() + ".");
    }

    /** Returns the groups in which the actor may take a group action; the Admin's are not listed. */
    public Set<GroupId> groupsWhere(Action action) {
        return groupRoles.entrySet().stream()
                .filter(entry -> action.allows(accessRole(entry.getValue())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Returns whether the actor is the Admin, who may act in every group of the organization. */
    public boolean isAdmin() {
        return admin;
    }

    private static AccessRole accessRole(Role role) {
        return role == Role.MANAGER ? AccessRole.MANAGER : AccessRole.USER;
    }
}
