package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.sso.PendingSignIn;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.sso.UnknownUserPolicy;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiSingleSignOnRepository}, run on each supported database by a subclass. */
abstract class SingleSignOnRepositoryContract extends DatabaseContractBase {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final int RACING_CALLBACKS = 8;

    private Jdbi jdbi;
    private JdbiSingleSignOnRepository repository;

    @BeforeEach
    void openRepository() {
        jdbi = database().jdbi();
        repository = new JdbiSingleSignOnRepository(jdbi, database().kind());
    }

    @Test
    void takeReturnsSavedSignIn() {
        PendingSignIn saved = pending(NOW.plusSeconds(600));
        repository.savePendingSignIn(saved, NOW);

        assertThat(repository.takePendingSignIn(saved.stateHash())).contains(saved);
    }

    @Test
    void takeWorksOnce() {
        PendingSignIn saved = pending(NOW.plusSeconds(600));
        repository.savePendingSignIn(saved, NOW);
        repository.takePendingSignIn(saved.stateHash());

        assertThat(repository.takePendingSignIn(saved.stateHash())).isEmpty();
    }

    @Test
    void takeOfUnknownStateIsEmpty() {
        assertThat(repository.takePendingSignIn(randomHash())).isEmpty();
    }

    @Test
    void saveDeletesSignInsExpiredBefore() {
        PendingSignIn expired = pending(NOW.minusSeconds(1));
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO sso_pending_sign_ins (state_hash, nonce, code_verifier, redirect_uri, created_at,
                                                          expires_at)
                        VALUES (:stateHash, 'n', 'v', 'https://app.example/callback', :createdAt, :expiresAt)""")
                .bind("stateHash", expired.stateHash())
                .bind("createdAt", expired.createdAt())
                .bind("expiresAt", expired.expiresAt())
                .execute());

        repository.savePendingSignIn(pending(NOW.plusSeconds(600)), NOW);

        assertThat(repository.takePendingSignIn(expired.stateHash())).isEmpty();
    }

    @Test
    void racingTakesYieldOneSignIn() throws Exception {
        PendingSignIn saved = pending(NOW.plusSeconds(600));
        repository.savePendingSignIn(saved, NOW);
        List<Callable<Optional<PendingSignIn>>> calls = new ArrayList<>();
        for (int i = 0; i < RACING_CALLBACKS; i++) {
            calls.add(() -> repository.takePendingSignIn(saved.stateHash()));
        }

        List<Optional<PendingSignIn>> results = Concurrently.run(calls);

        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    }

    @Test
    void settingsOfNewOrganizationAreDisabled() {
        OrganizationId organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();

        SingleSignOnSettings settings = repository.settingsOf(organizationId);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.unknownUsers()).isEqualTo(UnknownUserPolicy.REJECT);
    }

    @Test
    void savedSettingsAreRead() {
        User admin = Fixtures.storeOrganizationWithAdmin(jdbi);
        Group group = Fixtures.group(admin.organizationId(), "Single sign-on");
        Fixtures.storeGroup(jdbi, group);
        SingleSignOnSettings settings = new SingleSignOnSettings(admin.organizationId(),
                Set.of(tenantId(), tenantId()), UnknownUserPolicy.CREATE, Optional.of(group.id()));

        repository.saveSettings(settings, NOW);

        assertThat(repository.settingsOf(admin.organizationId())).isEqualTo(settings);
    }

    @Test
    void savingSettingsReplacesTenants() {
        OrganizationId organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        String dropped = tenantId();
        String kept = tenantId();
        repository.saveSettings(settings(organizationId, dropped, kept), NOW);

        repository.saveSettings(settings(organizationId, kept), NOW.plusSeconds(1));

        assertThat(repository.settingsOf(organizationId).allowedTenantIds()).containsExactly(kept);
        assertThat(repository.settingsOfTenant(dropped)).isEmpty();
    }

    @Test
    void settingsOfTenantFindOrganization() {
        OrganizationId organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        String tenant = tenantId();
        repository.saveSettings(settings(organizationId, tenant), NOW);

        assertThat(repository.settingsOfTenant(tenant)).map(SingleSignOnSettings::organizationId)
                .contains(organizationId);
    }

    @Test
    void tenantOfAnotherOrganizationConflicts() {
        OrganizationId first = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        OrganizationId second = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        String tenant = tenantId();
        String secondsOwn = tenantId();
        repository.saveSettings(settings(first, tenant), NOW);
        repository.saveSettings(settings(second, secondsOwn), NOW);

        assertThatThrownBy(() -> repository.saveSettings(settings(second, tenant, tenantId()), NOW))
                .isInstanceOf(ConflictException.class);
        assertThat(repository.settingsOf(second).allowedTenantIds()).containsExactly(secondsOwn);
    }

    @Test
    void linkedUserIsFound() {
        User admin = Fixtures.storeOrganizationWithAdmin(jdbi);
        String tenant = tenantId();
        String object = UUID.randomUUID().toString();

        assertThat(repository.link(admin.id(), tenant, object, NOW)).isTrue();

        assertThat(repository.linkedUser(tenant, object)).contains(admin.id());
    }

    @Test
    void userIsLinkedOnce() {
        User admin = Fixtures.storeOrganizationWithAdmin(jdbi);
        String tenant = tenantId();
        repository.link(admin.id(), tenant, UUID.randomUUID().toString(), NOW);

        assertThat(repository.link(admin.id(), tenant, UUID.randomUUID().toString(), NOW)).isFalse();
    }

    @Test
    void identityIsLinkedToOneUser() {
        User first = Fixtures.storeOrganizationWithAdmin(jdbi);
        User second = Fixtures.storeOrganizationWithAdmin(jdbi);
        String tenant = tenantId();
        String object = UUID.randomUUID().toString();
        repository.link(first.id(), tenant, object, NOW);

        assertThat(repository.link(second.id(), tenant, object, NOW)).isFalse();
        assertThat(repository.linkedUser(tenant, object)).contains(first.id());
    }

    @Test
    void unknownIdentityHasNoUser() {
        assertThat(repository.linkedUser(tenantId(), UUID.randomUUID().toString())).isEmpty();
    }

    private static SingleSignOnSettings settings(OrganizationId organizationId, String... tenants) {
        return new SingleSignOnSettings(organizationId, Set.of(tenants), UnknownUserPolicy.REJECT, Optional.empty());
    }

    private static PendingSignIn pending(Instant expiresAt) {
        return new PendingSignIn(randomHash(), "nonce-" + UUID.randomUUID(), "verifier-" + UUID.randomUUID(),
                "https://app.example/callback", expiresAt.minus(Duration.ofMinutes(10)), expiresAt);
    }

    private static String randomHash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static String tenantId() {
        return UUID.randomUUID().toString();
    }
}
