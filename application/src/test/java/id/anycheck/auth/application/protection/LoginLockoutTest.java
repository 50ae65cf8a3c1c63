package id.anycheck.auth.application.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.LogIn;
import id.anycheck.auth.application.LogInCommand;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.LoginLockedException;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {

    private static final String EMAIL = "ana@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static final RequestOrigin OFFICE = RequestOrigin.of("198.51.100.7", "Firefox");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", EMAIL, PASSWORD);
    private final LogIn logIn = ports.logIn();

    @Test
    void fifthFailureLocksEmailFromClient() {
        failTimes(EMAIL, OFFICE, 5);

        LoginLockedException locked = lockedOf(EMAIL, PASSWORD, OFFICE);

        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(locked.clientLocked()).isFalse();
    }

    @Test
    void lockRefusesRightPassword() {
        failTimes(EMAIL, OFFICE, 5);

        assertThatThrownBy(() -> logIn(EMAIL, PASSWORD, OFFICE)).isInstanceOf(LoginLockedException.class);
    }

    @Test
    void lockLeavesOtherClientsAlone() {
        failTimes(EMAIL, OFFICE, 5);

        assertThat(logIn(EMAIL, PASSWORD, RequestOrigin.of("203.0.113.9", "Safari")).user().id())
                .isEqualTo(ana.id());
    }

    @Test
    void lockExpiresOnItsOwn() {
        failTimes(EMAIL, OFFICE, 5);

        ports.clock().advance(Duration.ofMinutes(1));

        assertThat(logIn(EMAIL, PASSWORD, OFFICE).user().id()).isEqualTo(ana.id());
    }

    @Test
    void backoffGrowsWithEachLock() {
        failTimes(EMAIL, OFFICE, 5);
        ports.clock().advance(Duration.ofMinutes(1));
        failTimes(EMAIL, OFFICE, 5);
        assertThat(lockedOf(EMAIL, PASSWORD, OFFICE).retryAfter()).isEqualTo(Duration.ofMinutes(5));

        ports.clock().advance(Duration.ofMinutes(5));
        failTimes(EMAIL, OFFICE, 5);
        assertThat(lockedOf(EMAIL, PASSWORD, OFFICE).retryAfter()).isEqualTo(Duration.ofMinutes(15));

        ports.clock().advance(Duration.ofMinutes(15));
        failTimes(EMAIL, OFFICE, 5);
        assertThat(lockedOf(EMAIL, PASSWORD, OFFICE).retryAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void backoffStartsAgainAfterQuietDay() {
        failTimes(EMAIL, OFFICE, 5);
        ports.clock().advance(Duration.ofMinutes(1));
        failTimes(EMAIL, OFFICE, 5);
        ports.clock().advance(Duration.ofHours(25));

        failTimes(EMAIL, OFFICE, 5);

        assertThat(lockedOf(EMAIL, PASSWORD, OFFICE).retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failuresOutsideWindowDoNotCount() {
        failTimes(EMAIL, OFFICE, 4);
        ports.clock().advance(Duration.ofMinutes(15));

        failTimes(EMAIL, OFFICE, 4);

        assertThat(logIn(EMAIL, PASSWORD, OFFICE).user().id()).isEqualTo(ana.id());
    }

    @Test
    void successResetsPairCount() {
        failTimes(EMAIL, OFFICE, 4);
        logIn(EMAIL, PASSWORD, OFFICE);

        failTimes(EMAIL, OFFICE, 4);

        assertThat(logIn(EMAIL, PASSWORD, OFFICE).user().id()).isEqualTo(ana.id());
    }

    @Test
    void unknownEmailLocksAlike() {
        failTimes("nobody@example.com", OFFICE, 5);

        LoginLockedException locked = lockedOf("nobody@example.com", PASSWORD, OFFICE);

        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(locked.clientLocked()).isFalse();
    }

    @Test
    void failuresFromManyClientsLockEmailEverywhere() {
        for (int client = 1; client <= 5; client++) {
            failTimes(EMAIL, RequestOrigin.of("192.0.2." + client, "curl"), 4);
        }

        LoginLockedException locked = lockedOf(EMAIL, PASSWORD, RequestOrigin.of("203.0.113.200", "Safari"));

        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(locked.clientLocked()).isFalse();
    }

    @Test
    void manyEmailsFromOneClientLockTheClient() {
        for (int i = 1; i <= 20; i++) {
            failTimes("user" + i + "@example.com", OFFICE, 1);
        }

        LoginLockedException locked = lockedOf(EMAIL, PASSWORD, OFFICE);

        assertThat(locked.clientLocked()).isTrue();
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(ports.auditLog().eventsOfType(AuditEventType.CREDENTIAL_STUFFING_SUSPECTED)).hasSize(1);
    }

    @Test
    void repeatedEmailCountsOnceForClient() {
        for (int i = 1; i <= 19; i++) {
            failTimes("user" + i + "@example.com", OFFICE, 1);
        }
        failTimes("user1@example.com", OFFICE, 3);

        assertThat(logIn(EMAIL, PASSWORD, OFFICE).user().id()).isEqualTo(ana.id());
    }

    @Test
    void ipv6ClientCountsPerNetwork() {
        for (int i = 1; i <= 5; i++) {
            failTimes(EMAIL, RequestOrigin.of("2001:db8:1:2::" + i, "curl"), 1);
        }

        assertThatThrownBy(() -> logIn(EMAIL, PASSWORD, RequestOrigin.of("2001:db8:1:2::ff", "curl")))
                .isInstanceOf(LoginLockedException.class);
    }

    @Test
    void unlockEndsLocks() {
        failTimes(EMAIL, OFFICE, 5);

        boolean unlocked = ports.loginLockout().unlock(EmailAddress.parse(EMAIL));

        assertThat(unlocked).isTrue();
        assertThat(logIn(EMAIL, PASSWORD, OFFICE).user().id()).isEqualTo(ana.id());
    }

    @Test
    void abandonedReservationsStopBlocking() {
        // Five attempts whose server stopped while checking them: counted, never resolved.
        LoginAttemptKeys keys = LoginLockout.keysOf(EmailAddress.parse(EMAIL), OFFICE);
        for (int i = 0; i < 5; i++) {
            ports.loginLockout().reserve(keys);
        }
        assertThatThrownBy(() -> ports.loginLockout().reserve(keys)).isInstanceOf(LoginLockedException.class);

        ports.clock().advance(Duration.ofSeconds(30));

        assertThat(logIn(EMAIL, PASSWORD, OFFICE).user().id()).isEqualTo(ana.id());
    }

    @Test
    void failuresAreAudited() {
        failTimes(EMAIL, OFFICE, 5);

        List<AuditEvent> failed = ports.auditLog().eventsOfType(AuditEventType.LOGIN_FAILED);
        assertThat(failed).hasSize(5);
        assertThat(failed.get(0).organizationId()).contains(ana.organizationId());
        assertThat(failed.get(0).targetId()).contains(ana.id().toString());
        assertThat(failed.get(0).clientIp()).contains("198.51.100.7");
        assertThat(failed.get(0).details()).containsEntry("reason", "wrong_password");
        List<AuditEvent> locks = ports.auditLog().eventsOfType(AuditEventType.LOGIN_LOCKED);
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0).details()).containsEntry("scope", "email_and_client");
    }

    @Test
    void unknownEmailFailureHasNoOrganization() {
        failTimes("nobody@example.com", OFFICE, 1);

        AuditEvent failed = ports.auditLog().eventsOfType(AuditEventType.LOGIN_FAILED).get(0);
        assertThat(failed.organizationId()).isEmpty();
        assertThat(failed.details()).containsEntry("reason", "unknown_email");
    }

    @Test
    void successIsAudited() {
        logIn(EMAIL, PASSWORD, OFFICE);

        AuditEvent succeeded = ports.auditLog().eventsOfType(AuditEventType.LOGIN_SUCCEEDED).get(0);
        assertThat(succeeded.organizationId()).contains(ana.organizationId());
        assertThat(succeeded.details()).containsEntry("method", "password");
    }

    @Test
    void inactiveAccountCountsAsFailure() {
        User bob = ports.addUser(ana.organizationId(), "bob@example.com", PASSWORD);
        ports.users().setActive(bob.id(), false);

        failTimes("bob@example.com", OFFICE, 5, PASSWORD);

        assertThatThrownBy(() -> logIn("bob@example.com", PASSWORD, OFFICE)).isInstanceOf(LoginLockedException.class);
    }

    private void failTimes(String email, RequestOrigin origin, int times) {
        failTimes(email, origin, times, "wrong password");
    }

    private void failTimes(String email, RequestOrigin origin, int times, String password) {
        for (int i = 0; i < times; i++) {
            AuthenticationException failure = catchThrowableOfType(AuthenticationException.class,
                    () -> logIn(email, password, origin));
            assertThat(failure).as("attempt %d of %s", i + 1, email).isNotNull();
        }
    }

    private LoginLockedException lockedOf(String email, String password, RequestOrigin origin) {
        LoginLockedException locked = catchThrowableOfType(LoginLockedException.class,
                () -> logIn(email, password, origin));
        assertThat(locked).isNotNull();
        return locked;
    }

    private Authentication logIn(String email, String password, RequestOrigin origin) {
        return logIn.logIn(LogInCommand.of(email, password, origin));
    }
}
