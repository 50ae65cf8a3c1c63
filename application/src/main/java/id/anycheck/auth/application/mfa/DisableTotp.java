package id.anycheck.auth.application.mfa;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.TotpGenerator;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: turn MFA off with a current TOTP code or an unused recovery code, removing the
 * secret and every recovery code. Thread-safe.
 *
 * <p>TODO: bound wrong codes per user here, as the MFA token does at login. Until then only the
 * organization's rate limit slows a caller who has a stolen access token and guesses codes.
 */
public final class DisableTotp {

    private static final System.Logger LOG = System.getLogger(DisableTotp.class.getName());

    private final TotpRepository totp;
    private final OrganizationRepository organizations;
    private final SecondFactorCheck check;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public DisableTotp(TotpRepository totp, OrganizationRepository organizations, TotpGenerator generator,
            AuditTrail auditTrail, Clock clock) {
        this.totp = totp;
        this.organizations = organizations;
        this.check = new SecondFactorCheck(totp, generator);
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * @param code a TOTP code, or a recovery code
     * @throws ConflictException if MFA is off
     * @throws ForbiddenException if the organization requires MFA
     * @throws AuthenticationException INVALID_MFA_CODE if the code is wrong or was used before
     */
    public void disable(UserPrincipal principal, Optional<String> clientIp, String code) {
        Instant now = clock.instant();
        Caller caller = new Caller(Optional.of(principal), clientIp);
        String userId = principal.userId().toString();
        if (!totp.isEnabled(principal.userId())) {
            throw new ConflictException("Multi-factor authentication is not on.");
        }
        boolean required = organizations.findById(principal.organizationId())
                .map(Organization::mfaRequired)
                .orElse(false);
        if (required) {
            throw new ForbiddenException(
                    "Your organization requires multi-factor authentication, so it cannot be turned off.");
        }

        SecondFactorCheck.Method method = SecondFactorCheck.methodOf(code);
        if (!check.spend(principal.userId(), method, code, now)) {
            auditTrail.record(AuditEventType.MFA_VERIFICATION_FAILED, principal.organizationId(), caller, userId,
                    Map.of("method", method.externalName(), "purpose", "disable"));
            throw ConfirmTotp.invalidCode("wrong or reused " + method.externalName() + " to turn MFA off");
        }
        if (method == SecondFactorCheck.Method.RECOVERY_CODE) {
            auditTrail.record(AuditEventType.MFA_RECOVERY_CODE_USED, principal.organizationId(), caller, userId,
                    Map.of("purpose", "disable"));
        }

        totp.remove(principal.userId());
        auditTrail.record(AuditEventType.MFA_DISABLED, principal.organizationId(), caller, userId,
                Map.of("method", method.externalName()));
        LOG.log(Level.INFO, "User {0} turned MFA off", principal.userId());
    }
}
