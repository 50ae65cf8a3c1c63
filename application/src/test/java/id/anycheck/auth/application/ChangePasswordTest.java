package id.anycheck.auth.application;

import static id.anycheck.auth.application.Rejections.failureOf;
import static id.anycheck.auth.application.Rejections.invalidFieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangePasswordTest {

    private static final String EMAIL = "ana@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "another horse battery staple";

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", EMAIL, PASSWORD);
    private final ActiveSessionCache activeSessions =
            new ActiveSessionCache(ports.sessions(), Duration.ofMinutes(1), 1000, ports.clock());
    private final LogIn logIn = ports.logIn();
    private final ChangePassword changePassword = new ChangePassword(ports.users(), ports.sessions(), activeSessions,
            ports.passwordHasher(), ports.loginLockout(), new AuditTrail(ports.auditLog(), ports.clock()),
            ports.clock());

    @Test
    void changeStoresNewPassword() {
        changePassword.change(newSession(), Optional.empty(), PASSWORD, NEW_PASSWORD);

        String stored = ports.users().findById(ana.id()).orElseThrow().passwordHash().orElseThrow();
        assertThat(ports.passwordHasher().verify(Password.presented(NEW_PASSWORD), stored))
                .isNotEqualTo(Verification.MISMATCH);
        assertThat(ports.passwordHasher().verify(Password.presented(PASSWORD), stored))
                .isEqualTo(Verification.MISMATCH);
    }

    @Test
    void changeRevokesOtherSessionsOnly() {
        UserPrincipal current = newSession();
        UserPrincipal other = newSession();
        assertThat(activeSessions.isActive(other.sessionId())).isTrue();

        changePassword.change(current, Optional.empty(), PASSWORD, NEW_PASSWORD);

        assertThat(activeSessions.isActive(current.sessionId())).isTrue();
        assertThat(activeSessions.isActive(other.sessionId())).isFalse();
        assertThat(ports.sessions().revocationReason(other.sessionId())).contains(RevocationReason.PASSWORD_CHANGED);
    }

    @Test
    void wrongCurrentPasswordChangesNothing() {
        UserPrincipal current = newSession();
        UserPrincipal other = newSession();
        String before = ports.users().findById(ana.id()).orElseThrow().passwordHash().orElseThrow();

        assertThat(failureOf(() -> changePassword.change(current, Optional.empty(), "wrong password", NEW_PASSWORD)))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);

        assertThat(ports.users().findById(ana.id()).orElseThrow().passwordHash()).contains(before);
        assertThat(activeSessions.isActive(other.sessionId())).isTrue();
        assertThat(ports.auditLog().eventsOfType(AuditEventType.USER_PASSWORD_CHANGED)).isEmpty();
    }

    @Test
    void userWithoutPasswordIsRejected() {
        User sso = ports.addUser(ana.organizationId(), "sso@example.com", Optional.empty());
        UserPrincipal principal = new UserPrincipal(sso.id(), sso.organizationId(), SessionId.random());

        assertThat(failureOf(() -> changePassword.change(principal, Optional.empty(), PASSWORD, NEW_PASSWORD)))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    @Test
    void invalidPasswordsNameTheirFields() {
        UserPrincipal current = newSession();

        assertThat(invalidFieldsOf(() -> changePassword.change(current, Optional.empty(), "", "short")))
                .containsExactly("current_password", "new_password");
        assertThat(invalidFieldsOf(() -> changePassword.change(current, Optional.empty(), null, null)))
                .containsExactly("current_password", "new_password");
    }

    @Test
    void changeIsAudited() {
        UserPrincipal current = newSession();
        newSession();

        changePassword.change(current, Optional.of("192.0.2.7"), PASSWORD, NEW_PASSWORD);

        var events = ports.auditLog().eventsOfType(AuditEventType.USER_PASSWORD_CHANGED);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).details()).containsEntry("sessions_ended", "1");
        assertThat(events.get(0).clientIp()).contains("192.0.2.7");
    }

    /** Logs Ana in and returns the principal of the new session. */
    private UserPrincipal newSession() {
        Authentication authentication = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));
        return new AuthenticateAccessToken(ports.tokenService(), activeSessions)
                .authenticate(authentication.tokens().accessToken());
    }
}
