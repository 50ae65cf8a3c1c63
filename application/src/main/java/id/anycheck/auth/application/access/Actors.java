package id.anycheck.auth.application.access;

import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.principal.Principal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the roles a principal has right now, so that a role change or deactivation takes
 * effect at the next request. Thread-safe.
 */
public final class Actors {

    private final UserRepository users;

    public Actors(UserRepository users) {
        this.users = users;
    }

    /**
     * @throws AuthenticationException TOKEN_REVOKED if the user no longer exists, is inactive,
     *     or belongs to another organization than the token names
     */
    public Actor of(Principal principal) {
        if (principal instanceof ApiKeyPrincipal key) {
            return Actor.apiKey(key.organizationId(), key.keyId(), key.groupId());
        }
        UserPrincipal userPrincipal = (UserPrincipal) principal;
        User user = users.findById(userPrincipal.userId())
                .filter(User::active)
                .filter(found -> found.organizationId().equals(userPrincipal.organizationId()))
                .orElseThrow(() -> new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED,
                        "user " + userPrincipal.userId() + " is gone, inactive or moved"));
        Map<GroupId, Role> groupRoles = new HashMap<>();
        for (GroupRole groupRole : users.groupRolesOf(user.id())) {
            groupRoles.put(groupRole.group().id(), groupRole.role());
        }
        return Actor.user(user.organizationId(), user.id(), user.admin(), groupRoles);
    }
}
