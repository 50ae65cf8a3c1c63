package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.principal.Principal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.user.User;

/**
 * Checks that a caller may act as an Admin of an organization. The operator always may. A user
 * may only while active and an Admin of that very organization, read from storage at each call
 * so that a demotion takes effect at once. API keys act with User rights and never may. Thread-safe.
 */
public final class Administrators {

    private final UserRepository users;

    public Administrators(UserRepository users) {
        this.users = users;
    }

    /**
     * @throws ForbiddenException if the caller is not an active Admin of the organization
     */
    public void requireAdmin(Caller caller, OrganizationId organizationId, String action) {
        if (caller.isOperator()) {
            return;
        }
        Principal principal = caller.principal().orElseThrow();
        boolean admin = principal instanceof UserPrincipal user
                && principal.organizationId().equals(organizationId)
                && users.findById(user.userId())
                        .filter(User::active)
                        .filter(User::admin)
                        .filter(stored -> stored.organizationId().equals(organizationId))
                        .isPresent();
        if (!admin) {
            throw new ForbiddenException("Only an Admin of the organization can " + action + ".");
        }
    }
}
