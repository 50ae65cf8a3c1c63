package id.anycheck.auth.application.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.fakes.FakeTotpGenerator;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.mfa.RecoveryCode;
import id.anycheck.auth.domain.mfa.TimeStep;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.User;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmTotpTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final FakeTotpGenerator generator = new FakeTotpGenerator();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", "ana@example.com", "correct horse battery");
    private final UserPrincipal principal = new UserPrincipal(ana.id(), ana.organizationId(), SessionId.random());
    private final EnrolTotp enrol = new EnrolTotp(ports.users(), ports.totp(), generator, ports.random(),
            ports.clock());
    private final ConfirmTotp confirm = new ConfirmTotp(ports.totp(), generator,
            new AuditTrail(ports.auditLog(), ports.clock()), ports.random(), ports.clock());

    @Test
    void confirmReturnsTenUsableRecoveryCodes() {
        enrol.enrol(principal);

        List<String> codes = confirm.confirm(principal, Optional.empty(), currentCode());

        assertThat(codes).hasSize(RecoveryCode.COUNT).doesNotHaveDuplicates();
        assertThat(ports.totp().isEnabled(ana.id())).isTrue();
        String hash = RecoveryCode.parse(codes.get(0)).orElseThrow().hash();
        assertThat(ports.totp().useRecoveryCode(ana.id(), hash, ports.clock().instant())).isTrue();
        assertThat(ports.auditLog().eventsOfType(AuditEventType.MFA_ENABLED)).hasSize(1);
    }

    @Test
    void confirmRecordsCodeStepAsUsed() {
        enrol.enrol(principal);

        confirm.confirm(principal, Optional.empty(), currentCode());

        assertThat(ports.totp().find(ana.id()).orElseThrow().lastUsedStep()).hasValue(currentStep());
    }

    @Test
    void wrongCodeKeepsMfaOff() {
        enrol.enrol(principal);

        assertThatThrownBy(() -> confirm.confirm(principal, Optional.empty(), "12345"))
                .isInstanceOf(AuthenticationException.class);

        assertThat(ports.totp().isEnabled(ana.id())).isFalse();
    }

    @Test
    void confirmWithoutEnrolmentConflicts() {
        assertThatThrownBy(() -> confirm.confirm(principal, Optional.empty(), "123456"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void enrolWhileOnConflicts() {
        enrol.enrol(principal);
        confirm.confirm(principal, Optional.empty(), currentCode());

        assertThatThrownBy(() -> enrol.enrol(principal)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> confirm.confirm(principal, Optional.empty(), currentCode()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void enrolmentUriNamesIssuerAndAccount() {
        EnrolTotp.StartedEnrolment started = enrol.enrol(principal);

        assertThat(started.otpauthUri()).startsWith("otpauth://totp/AnyCheck:ana%40example.com?secret="
                + started.secret() + "&issuer=AnyCheck");
        assertThat(started.toString()).doesNotContain(started.secret());
    }

    private String currentCode() {
        TotpSecret secret = ports.totp().find(ana.id()).orElseThrow().secret();
        return generator.codeAt(secret, currentStep());
    }

    private long currentStep() {
        return TimeStep.at(ports.clock().instant());
    }
}
