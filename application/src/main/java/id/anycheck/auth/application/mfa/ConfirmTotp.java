package id.anycheck.auth.application.mfa;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.mfa.RecoveryCode;
import id.anycheck.auth.domain.mfa.TotpEnrolment;
import id.anycheck.auth.domain.port.TotpGenerator;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Use case: confirm TOTP enrolment with a first code from the authenticator, which turns MFA
 * on and issues recovery codes, shown this once and stored only as hashes. Thread-safe.
 */
public final class ConfirmTotp {

    private static final System.Logger LOG = System.getLogger(ConfirmTotp.class.getName());

    private final TotpRepository totp;
    private final TotpCodes codes;
    private final AuditTrail auditTrail;
    private final SecureRandom random;
    private final Clock clock;

    public ConfirmTotp(TotpRepository totp, TotpGenerator generator, AuditTrail auditTrail, SecureRandom random,
            Clock clock) {
        this.totp = totp;
        this.codes = new TotpCodes(generator);
        this.auditTrail = auditTrail;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @return the recovery codes, as the user should write them down
     * @throws ConflictException if no enrolment is pending or MFA is already on
     * @throws AuthenticationException INVALID_MFA_CODE if the code does not match the pending secret
     */
    public List<String> confirm(UserPrincipal principal, Optional<String> clientIp, String code) {
        Instant now = clock.instant();
        TotpEnrolment enrolment = totp.find(principal.userId()).orElseThrow(() -> new ConflictException(
                "No TOTP enrolment is pending. Start one with POST /auth/mfa/totp."));
        if (enrolment.confirmed()) {
            throw new ConflictException("Multi-factor authentication is already on.");
        }

        OptionalLong step = codes.matchingStep(enrolment, code, now);
        if (step.isEmpty()) {
            throw invalidCode("code does not match the pending TOTP secret of user " + principal.userId());
        }

        List<RecoveryCode> recoveryCodes = new ArrayList<>();
        for (int i = 0; i < RecoveryCode.COUNT; i++) {
            recoveryCodes.add(RecoveryCode.generate(random));
        }
        List<String> hashes = recoveryCodes.stream().map(RecoveryCode::hash).toList();
        if (!totp.confirm(principal.userId(), enrolment.id(), step.getAsLong(), hashes, now)) {
            // A concurrent enrolment replaced the secret that this code matched.
            throw invalidCode("the pending TOTP enrolment of user " + principal.userId() + " changed meanwhile");
        }

        auditTrail.record(AuditEventType.MFA_ENABLED, principal.organizationId(),
                new Caller(Optional.of(principal), clientIp), principal.userId().toString(),
                Map.of("method", SecondFactorCheck.Method.TOTP.externalName()));
        LOG.log(Level.INFO, "User {0} turned MFA on", principal.userId());
        return recoveryCodes.stream().map(RecoveryCode::display).toList();
    }

    static AuthenticationException invalidCode(String detail) {
        return new AuthenticationException(AuthenticationFailure.INVALID_MFA_CODE, detail);
    }
}
