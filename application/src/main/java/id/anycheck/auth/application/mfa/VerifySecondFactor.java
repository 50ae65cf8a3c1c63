package id.anycheck.auth.application.mfa;

import id.anycheck.auth.application.AccountStanding;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.StartSession;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.mfa.MfaToken;
import id.anycheck.auth.domain.port.MfaChallengeRepository;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.TotpGenerator;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: finish a login with the MFA token and a TOTP or recovery code, starting the session.
 *
 * <p>Each check first counts an attempt against the token in one conditional update, so however
 * many requests race, a token allows {@link MfaToken#MAX_ATTEMPTS} codes and then is spent.
 * Every rejection is the same INVALID_MFA_CODE. Thread-safe.
 */
public final class VerifySecondFactor {

    private static final System.Logger LOG = System.getLogger(VerifySecondFactor.class.getName());

    private final MfaChallengeRepository challenges;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final SecondFactorCheck check;
    private final StartSession startSession;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public VerifySecondFactor(MfaChallengeRepository challenges, UserRepository users,
            OrganizationRepository organizations, TotpRepository totp, TotpGenerator generator,
            StartSession startSession, AuditTrail auditTrail, Clock clock) {
        this.challenges = challenges;
        this.users = users;
        this.organizations = organizations;
        this.check = new SecondFactorCheck(totp, generator);
        this.startSession = startSession;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** @throws AuthenticationException INVALID_MFA_CODE for a bad token or a wrong or reused code */
    public Authentication verify(VerifySecondFactorCommand command) {
        Instant now = clock.instant();
        String tokenHash = command.mfaToken().hash();
        UserId userId = challenges.countAttempt(tokenHash, MfaToken.MAX_ATTEMPTS, now)
                .orElseThrow(() -> ConfirmTotp.invalidCode("MFA token unknown, expired, spent or out of attempts"));

        User user = users.findById(userId)
                .filter(found -> AccountStanding.canLogIn(found, organizations))
                .orElseThrow(() -> ConfirmTotp.invalidCode("user " + userId + " or its organization is inactive"));

        SecondFactorCheck.Method method = command.secondFactor().recoveryCode()
                ? SecondFactorCheck.Method.RECOVERY_CODE
                : SecondFactorCheck.Method.TOTP;
        if (!check.spend(userId, method, command.secondFactor().code(), now)) {
            record(AuditEventType.MFA_VERIFICATION_FAILED, user, command, Map.of("method", method.externalName(),
                    "purpose", "login"));
            LOG.log(Level.INFO, "Second factor rejected for user {0}: wrong or reused {1}", userId,
                    method.externalName());
            throw ConfirmTotp.invalidCode("wrong or reused " + method.externalName() + " for user " + userId);
        }
        if (!challenges.spend(tokenHash, now)) {
            throw ConfirmTotp.invalidCode("MFA token of user " + userId + " was spent by a concurrent request");
        }
        if (method == SecondFactorCheck.Method.RECOVERY_CODE) {
            record(AuditEventType.MFA_RECOVERY_CODE_USED, user, command, Map.of("purpose", "login"));
        }

        return startSession.start(user, method.externalName(), command.origin());
    }

    private void record(AuditEventType type, User user, VerifySecondFactorCommand command,
            Map<String, String> details) {
        auditTrail.record(type, Optional.of(user.organizationId()),
                new AuditActor(AuditActor.Kind.USER, Optional.of(user.id().toString())),
                Optional.of(user.id().toString()), command.origin().clientIp(), details);
    }
}
