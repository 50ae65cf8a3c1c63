package id.anycheck.auth.application.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.application.StartSession;
import id.anycheck.auth.application.fakes.FakeTotpGenerator;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.mfa.MfaToken;
import id.anycheck.auth.domain.mfa.RecoveryCode;
import id.anycheck.auth.domain.mfa.TimeStep;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifySecondFactorTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final FakeTotpGenerator generator = new FakeTotpGenerator();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", "ana@example.com", "correct horse battery");
    private final TotpSecret secret = TotpSecret.generate(ports.random());
    private final VerifySecondFactor verify = new VerifySecondFactor(ports.mfaChallengeRepository(), ports.users(),
            ports.organizations(), ports.totp(), generator,
            ports.startSession(),
            new AuditTrail(ports.auditLog(), ports.clock()), ports.clock());

    @BeforeEach
    void turnMfaOn() {
        UUID enrolmentId = UUID.randomUUID();
        ports.totp().savePending(ana.id(), enrolmentId, secret, ports.clock().instant());
        ports.totp().confirm(ana.id(), enrolmentId, currentStep() - 5, List.of(), ports.clock().instant());
    }

    @Test
    void currentCodeStartsSession() {
        Authentication authentication = verify.verify(command(challenge(), codeAt(currentStep())));

        assertThat(authentication.user().id()).isEqualTo(ana.id());
        assertThat(ports.sessions().count()).isEqualTo(1);
    }

    @Test
    void tokenWorksOnce() {
        MfaToken token = challenge();
        verify.verify(command(token, codeAt(currentStep())));

        assertThat(failureOf(command(token, codeAt(currentStep() + 1))))
                .isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);
    }

    @Test
    void wrongCodeIsAudited() {
        assertThat(failureOf(command(challenge(), wrongCode()))).isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);

        assertThat(ports.auditLog().eventsOfType(AuditEventType.MFA_VERIFICATION_FAILED)).hasSize(1);
        assertThat(ports.sessions().count()).isZero();
    }

    @Test
    void sixthCodeIsRejectedEvenIfRight() {
        MfaToken token = challenge();
        for (int i = 0; i < MfaToken.MAX_ATTEMPTS; i++) {
            assertThat(failureOf(command(token, wrongCode()))).isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);
        }

        assertThat(failureOf(command(token, codeAt(currentStep())))).isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);
    }

    @Test
    void expiredTokenIsRejected() {
        MfaToken token = challenge();
        ports.clock().advance(MfaToken.LIFETIME);

        assertThat(failureOf(command(token, codeAt(currentStep())))).isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);
    }

    @Test
    void deactivatedUserIsRejected() {
        MfaToken token = challenge();
        ports.users().setActive(ana.id(), false);

        assertThat(failureOf(command(token, codeAt(currentStep())))).isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);
    }

    @Test
    void recoveryCodeIsAudited() {
        UUID enrolmentId = UUID.randomUUID();
        ports.totp().remove(ana.id());
        ports.totp().savePending(ana.id(), enrolmentId, secret, ports.clock().instant());
        RecoveryCode recoveryCode = RecoveryCode.generate(ports.random());
        ports.totp().confirm(ana.id(), enrolmentId, currentStep(), List.of(recoveryCode.hash()),
                ports.clock().instant());

        verify.verify(VerifySecondFactorCommand.of(challenge().value(), null, recoveryCode.display(),
                RequestOrigin.unknown()));

        assertThat(ports.auditLog().eventsOfType(AuditEventType.MFA_RECOVERY_CODE_USED)).hasSize(1);
    }

    @Test
    void clockDriftOfTwoStepsIsRejected() {
        ports.clock().advance(Duration.ofMinutes(10));

        assertThat(failureOf(command(challenge(), codeAt(currentStep() + 2))))
                .isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);
        assertThat(failureOf(command(challenge(), codeAt(currentStep() - 2))))
                .isEqualTo(AuthenticationFailure.INVALID_MFA_CODE);
    }

    private MfaToken challenge() {
        MfaToken token = MfaToken.generate(ports.random());
        ports.mfaChallengeRepository().create(token.hash(), ana.id(),
                ports.clock().instant().plus(MfaToken.LIFETIME), ports.clock().instant());
        return token;
    }

    private VerifySecondFactorCommand command(MfaToken token, String code) {
        return VerifySecondFactorCommand.of(token.value(), code, null, RequestOrigin.unknown());
    }

    private AuthenticationFailure failureOf(VerifySecondFactorCommand command) {
        Throwable thrown = catchThrowable(() -> verify.verify(command));
        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        return ((AuthenticationException) thrown).failure();
    }

    private long currentStep() {
        return TimeStep.at(ports.clock().instant());
    }

    private String codeAt(long step) {
        return generator.codeAt(secret, step);
    }

    /** Returns six digits that match no code accepted now. */
    private String wrongCode() {
        List<String> accepted = List.of(codeAt(currentStep() - 1), codeAt(currentStep()), codeAt(currentStep() + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate);
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }
}
