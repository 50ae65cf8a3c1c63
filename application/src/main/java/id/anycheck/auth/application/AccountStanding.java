package id.anycheck.auth.application;

import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.user.User;

/** The rule, shared by logging in, refreshing, second factors and single sign-on, that an account may be used. */
public final class AccountStanding {

    private AccountStanding() {
    }

    /** Returns whether the user and their organization are both active. */
    public static boolean canLogIn(User user, OrganizationRepository organizations) {
        return user.active()
                && organizations.findById(user.organizationId()).map(Organization::active).orElse(false);
    }
}
