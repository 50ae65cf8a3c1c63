package id.anycheck.auth.application.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.application.Page;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateApiKeyTest {

    private final ApiKeyTestSetup setup = new ApiKeyTestSetup();
    private final IssuedApiKey issued = setup.issueLiveKey();

    @Test
    void validKeyYieldsPrincipalBoundToGroup() {
        ApiKeyPrincipal principal = setup.authenticate.authenticate(issued.plaintext().reveal(), Optional.empty());

        assertThat(principal.keyId()).isEqualTo(issued.key().id());
        assertThat(principal.organizationId()).isEqualTo(setup.admin.organizationId());
        assertThat(principal.groupId()).isEqualTo(setup.groupId());
        assertThat(principal.boundGroupId()).contains(setup.groupId());
    }

    @Test
    void wrongSecretWithKnownLookupIdIsRejected() {
        String key = issued.plaintext().reveal();
        char last = key.charAt(key.length() - 1);
        String tampered = key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertRejected(tampered);
    }

    @Test
    void unknownAndMalformedKeysAreRejected() {
        assertRejected("ak_live_" + "0".repeat(55));
        assertRejected("not a key");
        assertRejected("");
    }

    @Test
    void expiredKeyIsRejected() {
        setup.ports.clock().advance(Duration.ofDays(90));

        assertRejected(issued.plaintext().reveal());
    }

    @Test
    void keyOfDeactivatedOrganizationIsRejected() {
        Organization organization = setup.ports.organizations().findById(setup.admin.organizationId()).orElseThrow();
        setup.ports.organizations().replace(new Organization(organization.id(), organization.name(),
                organization.plan(), false, organization.createdAt()));

        assertRejected(issued.plaintext().reveal());
    }

    @Test
    void lastUseWrittenOncePerMinute() {
        setup.authenticate.authenticate(issued.plaintext().reveal(), Optional.empty());
        var firstUse = setup.ports.clock().instant();
        setup.ports.clock().advance(Duration.ofSeconds(30));
        setup.authenticate.authenticate(issued.plaintext().reveal(), Optional.empty());

        assertThat(stored().lastUsedAt()).contains(firstUse);

        setup.ports.clock().advance(Duration.ofSeconds(31));
        setup.authenticate.authenticate(issued.plaintext().reveal(), Optional.empty());

        assertThat(stored().lastUsedAt()).contains(setup.ports.clock().instant());
    }

    @Test
    void rejectionsAreAuditedOncePerMinutePerSource() {
        String unknown = "ak_live_" + "0".repeat(55);
        for (int i = 0; i < 3; i++) {
            assertRejected(unknown);
        }
        setup.ports.clock().advance(Duration.ofMinutes(1));
        assertRejected(unknown);

        assertThat(setup.ports.auditLog().eventsOfType(AuditEventType.API_KEY_REJECTED))
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.clientIp()).contains("198.51.100.7"));
    }

    @Test
    void listPagesKeysWithCursor() {
        setup.issueLiveKey();
        setup.issueLiveKey();

        Page<ApiKey, ApiKeyRepository.Cursor> first = setup.list.list(setup.admin.organizationId(),
                Optional.empty(), 2, setup.asAdmin());
        Page<ApiKey, ApiKeyRepository.Cursor> second = setup.list.list(setup.admin.organizationId(),
                first.nextCursor(), 2, setup.asAdmin());

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isEmpty();
    }

    private ApiKey stored() {
        return setup.ports.apiKeys().findById(setup.admin.organizationId(), issued.key().id()).orElseThrow();
    }

    private void assertRejected(String key) {
        assertThatThrownBy(() -> setup.authenticate.authenticate(key, Optional.of("198.51.100.7")))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthenticationFailure.INVALID_API_KEY));
    }
}
