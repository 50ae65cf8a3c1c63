package id.anycheck.auth.application.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.apikey.ApiKeyStatus;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotateAndRevokeApiKeyTest {

    private final ApiKeyTestSetup setup = new ApiKeyTestSetup();
    private final IssuedApiKey original = setup.issueLiveKey();

    @Test
    void rotatedKeyWorksDuringGracePeriodThenExpires() {
        IssuedApiKey replacement = rotate(Optional.of(2));

        setup.ports.clock().advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(setup.authenticate.authenticate(original.plaintext().reveal(), Optional.empty()).keyId())
                .isEqualTo(original.key().id());
        setup.ports.clock().advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> setup.authenticate.authenticate(original.plaintext().reveal(), Optional.empty()))
                .isInstanceOf(AuthenticationException.class);
        assertThat(setup.authenticate.authenticate(replacement.plaintext().reveal(), Optional.empty()).keyId())
                .isEqualTo(replacement.key().id());
    }

    @Test
    void rotationDefaultsToDayOfGrace() {
        rotate(Optional.empty());

        ApiKey old = stored(original.key().id());
        assertThat(old.expiresAt()).isEqualTo(setup.ports.clock().instant().plus(Duration.ofHours(24)));
        assertThat(old.statusAt(setup.ports.clock().instant())).isEqualTo(ApiKeyStatus.ROTATED);
    }

    @Test
    void replacementKeepsNameGroupAndEnvironment() {
        IssuedApiKey replacement = rotate(Optional.empty());

        assertThat(replacement.key().name()).isEqualTo(original.key().name());
        assertThat(replacement.key().groupId()).isEqualTo(original.key().groupId());
        assertThat(replacement.key().environment()).isEqualTo(original.key().environment());
        assertThat(replacement.key().replacesKeyId()).contains(original.key().id());
        assertThat(replacement.plaintext().reveal()).isNotEqualTo(original.plaintext().reveal());
    }

    @Test
    void rotationAtContractLimitSucceeds() {
        setup.ports.apiKeys().setLimit(setup.admin.organizationId(), 1);

        assertThat(rotate(Optional.empty()).key().replacesKeyId()).contains(original.key().id());
    }

    @Test
    void secondRotationOfSameKeyConflicts() {
        rotate(Optional.empty());

        assertThatThrownBy(() -> rotate(Optional.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already rotated");
    }

    @Test
    void gracePeriodOverSevenDaysIsInvalid() {
        assertThatThrownBy(() -> rotate(Optional.of(169))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rotate(Optional.of(-1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rotateOfUnknownKeyIsNotFound() {
        assertThatThrownBy(() -> setup.rotate.rotate(setup.admin.organizationId(), ApiKeyId.random(),
                Optional.empty(), Optional.empty(), setup.asAdmin()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void rotateOfOtherOrganizationsKeyIsNotFound() {
        User otherAdmin = setup.ports.addOrganizationWithAdmin("Other", "admin@other.example", "admin password");

        assertThatThrownBy(() -> setup.rotate.rotate(otherAdmin.organizationId(), original.key().id(),
                Optional.empty(), Optional.empty(), setup.callerFor(otherAdmin)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void managerCannotRotateOrRevoke() {
        assertThatThrownBy(() -> setup.rotate.rotate(setup.admin.organizationId(), original.key().id(),
                Optional.empty(), Optional.empty(), setup.callerFor(setup.manager)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> setup.revoke.revoke(setup.admin.organizationId(), original.key().id(),
                setup.callerFor(setup.manager)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void revokedKeyStopsAtOnceEvenWhenCached() {
        setup.authenticate.authenticate(original.plaintext().reveal(), Optional.empty());

        setup.revoke.revoke(setup.admin.organizationId(), original.key().id(), setup.asAdmin());

        assertThatThrownBy(() -> setup.authenticate.authenticate(original.plaintext().reveal(), Optional.empty()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void revokeTwiceRecordsOnce() {
        setup.revoke.revoke(setup.admin.organizationId(), original.key().id(), setup.asAdmin());
        ApiKey again = setup.revoke.revoke(setup.admin.organizationId(), original.key().id(), setup.asAdmin());

        assertThat(again.statusAt(setup.ports.clock().instant())).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(setup.ports.auditLog().eventsOfType(AuditEventType.API_KEY_REVOKED)).hasSize(1);
    }

    @Test
    void revokedKeyCannotBeRotated() {
        setup.revoke.revoke(setup.admin.organizationId(), original.key().id(), setup.asAdmin());

        assertThatThrownBy(() -> rotate(Optional.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void rotationIsAudited() {
        IssuedApiKey replacement = rotate(Optional.empty());

        assertThat(setup.ports.auditLog().eventsOfType(AuditEventType.API_KEY_ROTATED))
                .singleElement()
                .satisfies(event -> assertThat(event.details())
                        .containsEntry("replacement_id", replacement.key().id().toString()));
    }

    private IssuedApiKey rotate(Optional<Integer> graceHours) {
        return setup.rotate.rotate(setup.admin.organizationId(), original.key().id(), graceHours, Optional.empty(),
                setup.asAdmin());
    }

    private ApiKey stored(ApiKeyId id) {
        return setup.ports.apiKeys().findById(setup.admin.organizationId(), id).orElseThrow();
    }
}
