package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.User;
import java.util.List;

/** Use case: show the caller their own account. Thread-safe. */
public final class ShowCurrentUser {

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final TotpRepository totp;

    public ShowCurrentUser(UserRepository users, OrganizationRepository organizations, TotpRepository totp) {
        this.users = users;
        this.organizations = organizations;
        this.totp = totp;
    }

    public CurrentUser show(UserPrincipal principal) {
        User user = users.findById(principal.userId()).orElseThrow(() -> revoked("user " + principal.userId()));
        Organization organization = organizations.findById(user.organizationId())
                .orElseThrow(() -> revoked("organization " + user.organizationId()));

        List<GroupRole> groupRoles = users.groupRolesOf(user.id());

        return new CurrentUser(user, organization, groupRoles, totp.isEnabled(user.id()));
    }

    private static AuthenticationException revoked(String missingRecord) {
        return new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED, missingRecord + " no longer exists");
    }
}
