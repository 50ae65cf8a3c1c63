package id.anycheck.auth.application.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.fakes.FakeTotpGenerator;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.mfa.RecoveryCode;
import id.anycheck.auth.domain.mfa.TimeStep;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DisableTotpTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final FakeTotpGenerator generator = new FakeTotpGenerator();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", "ana@example.com", "correct horse battery");
    private final UserPrincipal principal = new UserPrincipal(ana.id(), ana.organizationId(), SessionId.random());
    private final TotpSecret secret = TotpSecret.generate(ports.random());
    private final RecoveryCode recoveryCode = RecoveryCode.generate(ports.random());
    private final DisableTotp disable = new DisableTotp(ports.totp(), ports.organizations(), generator,
            new AuditTrail(ports.auditLog(), ports.clock()), ports.clock());

    @Test
    void codeTurnsMfaOff() {
        turnMfaOn();

        disable.disable(principal, Optional.empty(), generator.codeAt(secret, currentStep()));

        assertThat(ports.totp().isEnabled(ana.id())).isFalse();
        assertThat(ports.auditLog().eventsOfType(AuditEventType.MFA_DISABLED)).hasSize(1);
    }

    @Test
    void recoveryCodeTurnsMfaOff() {
        turnMfaOn();

        disable.disable(principal, Optional.empty(), recoveryCode.display());

        assertThat(ports.totp().isEnabled(ana.id())).isFalse();
        assertThat(ports.auditLog().eventsOfType(AuditEventType.MFA_RECOVERY_CODE_USED)).hasSize(1);
    }

    @Test
    void wrongCodeKeepsMfaOn() {
        turnMfaOn();

        assertThatThrownBy(() -> disable.disable(principal, Optional.empty(), "ZZZZZ-ZZZZZ"))
                .isInstanceOf(AuthenticationException.class);

        assertThat(ports.totp().isEnabled(ana.id())).isTrue();
        assertThat(ports.auditLog().eventsOfType(AuditEventType.MFA_VERIFICATION_FAILED)).hasSize(1);
    }

    @Test
    void mfaOffConflicts() {
        assertThatThrownBy(() -> disable.disable(principal, Optional.empty(), "123456"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void organizationRequirementForbidsDisabling() {
        turnMfaOn();
        var organization = ports.organizations().findById(ana.organizationId()).orElseThrow();
        ports.organizations().replace(organization.withMfaRequired(true));

        assertThatThrownBy(() -> disable.disable(principal, Optional.empty(), recoveryCode.display()))
                .isInstanceOf(ForbiddenException.class);

        assertThat(ports.totp().isEnabled(ana.id())).isTrue();
        assertThat(ports.totp().useRecoveryCode(ana.id(), recoveryCode.hash(), ports.clock().instant()))
                .as("the recovery code was not spent").isTrue();
    }

    private void turnMfaOn() {
        UUID enrolmentId = UUID.randomUUID();
        ports.totp().savePending(ana.id(), enrolmentId, secret, ports.clock().instant());
        ports.totp().confirm(ana.id(), enrolmentId, currentStep() - 5, List.of(recoveryCode.hash()),
                ports.clock().instant());
    }

    private long currentStep() {
        return TimeStep.at(ports.clock().instant());
    }
}
