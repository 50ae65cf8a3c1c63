package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.User;
import java.util.List;

/** Use case: show the caller their own account. Thread-safe. */
public final class ShowCurrentUser {

    private final UserRepository users;
    private final OrganizationRepository organizations;

    public ShowCurrentUser(UserRepository users, OrganizationRepository organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    public CurrentUser show(UserPrincipal principal) {
        User user = users.findById(principal.userId()).orElseThrow(() -> revoked("user " + principal.userId()));
        Organization organization = organizations.findById(user.organizationId())
                .orElseThrow(() -> revoked("organization " + user.organizationId()));

        List<GroupRole> groupRoles = users.groupRolesOf(user.id());

        // TODO: report the real second-factor status once TOTP enrolment exists. No user has one yet.
        return new CurrentUser(user, organization, groupRoles, false);
    }

    private static AuthenticationException revoked(String missingRecord) {
        return new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED, missingRecord + " no longer exists");
    }
}
