package id.anycheck.auth.application.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.LogInCommand;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnusualAccessTest {

    private static final String EMAIL = "ana@example.com";
    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", EMAIL, PASSWORD);
    private final UnusualAccess unusualAccess = ports.unusualAccess();

    @Test
    void firstLoginIsNotUnusual() {
        logIn(RequestOrigin.of("198.51.100.7", "Firefox"));

        assertThat(ports.auditLog().eventsOfType(AuditEventType.NEW_DEVICE_LOGIN)).isEmpty();
    }

    @Test
    void sameDeviceIsNotUnusual() {
        logIn(RequestOrigin.of("198.51.100.7", "Firefox"));
        logIn(RequestOrigin.of("198.51.100.7", "Firefox"));

        assertThat(ports.auditLog().eventsOfType(AuditEventType.NEW_DEVICE_LOGIN)).isEmpty();
    }

    @Test
    void newUserAgentIsNewDevice() {
        logIn(RequestOrigin.of("198.51.100.7", "Firefox"));
        logIn(RequestOrigin.of("198.51.100.7", "Safari"));

        AuditEvent event = ports.auditLog().eventsOfType(AuditEventType.NEW_DEVICE_LOGIN).get(0);
        assertThat(event.organizationId()).contains(ana.organizationId());
        assertThat(event.targetId()).contains(ana.id().toString());
        assertThat(event.details()).containsEntry("user_agent", "Safari");
    }

    @Test
    void newAddressIsNewDevice() {
        logIn(RequestOrigin.of("198.51.100.7", "Firefox"));
        logIn(RequestOrigin.of("203.0.113.9", "Firefox"));

        assertThat(ports.auditLog().eventsOfType(AuditEventType.NEW_DEVICE_LOGIN)).hasSize(1);
    }

    @Test
    void deviceUnseenForNinetyDaysIsNewAgain() {
        logIn(RequestOrigin.of("198.51.100.7", "Firefox"));
        logIn(RequestOrigin.of("203.0.113.9", "Firefox"));
        ports.clock().advance(Duration.ofDays(90));

        logIn(RequestOrigin.of("198.51.100.7", "Firefox"));

        assertThat(ports.auditLog().eventsOfType(AuditEventType.NEW_DEVICE_LOGIN)).hasSize(2);
    }

    @Test
    void keyFromNewNetworkIsReported() {
        ApiKeyPrincipal key = key();
        unusualAccess.apiKeyUsed(key, Optional.of("192.0.2.10"));
        unusualAccess.apiKeyUsed(key, Optional.of("192.0.2.200"));

        unusualAccess.apiKeyUsed(key, Optional.of("198.18.0.10"));

        AuditEvent event = ports.auditLog().eventsOfType(AuditEventType.API_KEY_NEW_SOURCE).get(0);
        assertThat(ports.auditLog().eventsOfType(AuditEventType.API_KEY_NEW_SOURCE)).hasSize(1);
        assertThat(event.details()).containsEntry("network", "198.18.0.0/24");
        assertThat(event.targetId()).contains(key.keyId().toString());
    }

    @Test
    void keyNetworkUnseenForPeriodIsNewAgain() {
        ApiKeyPrincipal key = key();
        unusualAccess.apiKeyUsed(key, Optional.of("192.0.2.10"));
        unusualAccess.apiKeyUsed(key, Optional.of("198.18.0.10"));
        ports.clock().advance(Duration.ofDays(91));

        unusualAccess.apiKeyUsed(key, Optional.of("198.18.0.10"));

        assertThat(ports.auditLog().eventsOfType(AuditEventType.API_KEY_NEW_SOURCE)).hasSize(2);
    }

    @Test
    void ipv6KeyNetworkIsSlash64() {
        ApiKeyPrincipal key = key();
        unusualAccess.apiKeyUsed(key, Optional.of("2001:db8:1:2::1"));

        unusualAccess.apiKeyUsed(key, Optional.of("2001:db8:1:2::ffff"));

        assertThat(ports.auditLog().eventsOfType(AuditEventType.API_KEY_NEW_SOURCE)).isEmpty();
    }

    private void logIn(RequestOrigin origin) {
        ports.logIn().logIn(LogInCommand.of(EMAIL, PASSWORD, origin));
    }

    private ApiKeyPrincipal key() {
        return new ApiKeyPrincipal(ApiKeyId.random(), "Billing", ana.organizationId(), GroupId.random(),
                ApiKeyEnvironment.LIVE);
    }
}
