package id.anycheck.auth.domain.access;

import static id.anycheck.auth.domain.access.AccessRole.ADMIN;
import static id.anycheck.auth.domain.access.AccessRole.MANAGER;
import static id.anycheck.auth.domain.access.AccessRole.USER;

import java.util.EnumSet;
import java.util.Set;

/**
 * Action a caller may take, with the roles that allow it: the whole access policy in one table. An
 * organization action is allowed when the caller has one of the roles anywhere in the
 * organization, and every member counts as a User of it. A group action is allowed only when
 * the caller has one of the roles in that group. The Admin has every role in every group of
 * their organization.
 */
public enum Action {
    //                              scope                roles that allow it
    VIEW_ORGANIZATION(Scope.ORGANIZATION, "view the organization", ADMIN, MANAGER, USER),
    UPDATE_ORGANIZATION(Scope.ORGANIZATION, "change the organization", ADMIN),
    CREATE_GROUP(Scope.ORGANIZATION, "create groups", ADMIN),
    UPDATE_GROUP(Scope.GROUP, "change this group", ADMIN),
    DELETE_GROUP(Scope.GROUP, "delete this group", ADMIN),
    VIEW_GROUP(Scope.GROUP, "view this group", ADMIN, MANAGER, USER),
    SET_GROUP_SERVICES(Scope.GROUP, "change the verification services of this group", ADMIN, MANAGER),
    VIEW_GROUP_MEMBERS(Scope.GROUP, "view the users of this group", ADMIN, MANAGER),
    ADD_GROUP_MEMBER(Scope.GROUP, "add users to this group", ADMIN, MANAGER),
    REMOVE_GROUP_MEMBER(Scope.GROUP, "remove users from this group", ADMIN, MANAGER),
    LIST_ALL_USERS(Scope.ORGANIZATION, "list every user of the organization", ADMIN),
    UPDATE_USER(Scope.ORGANIZATION, "change or deactivate users", ADMIN),
    GRANT_ADMIN(Scope.ORGANIZATION, "grant or revoke the Admin role", ADMIN),
    CREATE_VERIFICATION(Scope.GROUP, "create verifications in this group", ADMIN, MANAGER, USER),
    VIEW_VERIFICATIONS(Scope.GROUP, "view the verifications of this group", ADMIN, MANAGER, USER),
    MANAGE_API_KEYS(Scope.ORGANIZATION, "manage API keys", ADMIN),
    VIEW_AUDIT_EVENTS(Scope.ORGANIZATION, "view audit events", ADMIN);

    /** Whether an action concerns the whole organization or one group of it. */
    public enum Scope {
        ORGANIZATION,
        GROUP
    }

    private final Scope scope;
    private final String description;
    private final Set<AccessRole> allowedRoles;

    Action(Scope scope, String description, AccessRole first, AccessRole... rest) {
        this.scope = scope;
        this.description = description;
        this.allowedRoles = EnumSet.of(first, rest);
    }

    public Scope scope() {
        return scope;
    }

    /** Returns what the action does, to complete "Your role does not allow you to ...". */
    public String description() {
        return description;
    }

    public boolean allows(AccessRole role) {
        return allowedRoles.contains(role);
    }
}
