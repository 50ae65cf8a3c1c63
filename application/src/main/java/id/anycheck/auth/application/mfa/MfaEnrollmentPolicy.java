package id.anycheck.auth.application.mfa;

import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.user.User;

/**
 * The rule that a user must enrol a second factor before using the API: their organization
 * requires MFA and they have not turned it on. Checked when tokens are issued, at login and
 * at refresh, and carried in the access token. Thread-safe.
 */
public final class MfaEnrollmentPolicy {

    private final OrganizationRepository organizations;
    private final TotpRepository totp;

    public MfaEnrollmentPolicy(OrganizationRepository organizations, TotpRepository totp) {
        this.organizations = organizations;
        this.totp = totp;
    }

    public boolean enrollmentRequired(User user) {
        boolean organizationRequiresMfa = organizations.findById(user.organizationId())
                .map(Organization::mfaRequired)
                .orElse(false);
        return organizationRequiresMfa && !totp.isEnabled(user.id());
    }
}
