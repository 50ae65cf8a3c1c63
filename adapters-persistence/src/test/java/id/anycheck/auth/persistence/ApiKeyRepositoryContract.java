package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyCreator;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.ApiKeyStatus;
import id.anycheck.auth.domain.apikey.PlaintextApiKey;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiApiKeyRepository}, run on each supported database by a subclass. */
abstract class ApiKeyRepositoryContract extends DatabaseContractBase {

    private static final Instant NOW = Fixtures.CREATED_AT;
    private static final Instant EXPIRES_AT = NOW.plus(Duration.ofDays(90));
    private static final SecureRandom RANDOM = new SecureRandom();

    private Jdbi jdbi;
    private ApiKeyRepository apiKeys;
    private User admin;
    private OrganizationId organizationId;
    private GroupId groupId;

    @BeforeEach
    void createRepositoryAndOrganization() {
        jdbi = database().jdbi();
        apiKeys = new JdbiApiKeyRepository(jdbi);
        admin = Fixtures.storeOrganizationWithAdmin(jdbi);
        organizationId = admin.organizationId();
        groupId = new GroupId(jdbi.withHandle(handle -> handle
                .createQuery("SELECT id FROM organization_groups WHERE organization_id = :id")
                .bind("id", organizationId.value())
                .mapTo(UUID.class)
                .one()));
    }

    @Test
    void addStoresKeyFoundByLookupId() {
        ApiKey key = newKey(ApiKeyEnvironment.LIVE);

        assertThat(apiKeys.addWithinLimit(key, NOW)).isTrue();

        assertThat(apiKeys.findByLookupId(key.lookupId())).contains(key);
        assertThat(apiKeys.findById(organizationId, key.id())).contains(key);
    }

    @Test
    void operatorIssuedKeyHasNoCreatingUser() {
        ApiKey key = ApiKey.issued(PlaintextApiKey.generate(ApiKeyEnvironment.TEST, RANDOM), organizationId, groupId,
                "CI server", ApiKeyCreator.operator(), NOW, EXPIRES_AT, Optional.empty());

        apiKeys.addWithinLimit(key, NOW);

        assertThat(apiKeys.findByLookupId(key.lookupId()).orElseThrow().createdBy().isOperator()).isTrue();
    }

    @Test
    void findByIdOfOtherOrganizationIsEmpty() {
        ApiKey key = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(key, NOW);
        OrganizationId other = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();

        assertThat(apiKeys.findById(other, key.id())).isEmpty();
    }

    @Test
    void unknownLookupIdIsEmpty() {
        assertThat(apiKeys.findByLookupId("000000000000")).isEmpty();
    }

    @Test
    void newOrganizationHasLimitOfFive() {
        assertThat(apiKeys.limitOf(organizationId)).isEqualTo(5);
    }

    @Test
    void addBeyondLimitIsRefused() {
        apiKeys.setLimit(organizationId, 2);
        assertThat(apiKeys.addWithinLimit(newKey(ApiKeyEnvironment.LIVE), NOW)).isTrue();
        assertThat(apiKeys.addWithinLimit(newKey(ApiKeyEnvironment.TEST), NOW)).isTrue();

        ApiKey third = newKey(ApiKeyEnvironment.LIVE);

        assertThat(apiKeys.addWithinLimit(third, NOW)).isFalse();
        assertThat(apiKeys.findByLookupId(third.lookupId())).isEmpty();
    }

    @Test
    void revokedAndExpiredKeysFreeTheirSlot() {
        apiKeys.setLimit(organizationId, 2);
        ApiKey revoked = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(revoked, NOW);
        apiKeys.revoke(organizationId, revoked.id(), NOW);
        ApiKey expiring = ApiKey.issued(PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, RANDOM), organizationId,
                groupId, "Short", ApiKeyCreator.user(admin.id()), NOW, NOW.plusSeconds(60), Optional.empty());
        apiKeys.addWithinLimit(expiring, NOW);

        Instant later = NOW.plusSeconds(61);

        assertThat(apiKeys.addWithinLimit(newKey(ApiKeyEnvironment.LIVE), later)).isTrue();
        assertThat(apiKeys.addWithinLimit(newKey(ApiKeyEnvironment.LIVE), later)).isTrue();
        assertThat(apiKeys.addWithinLimit(newKey(ApiKeyEnvironment.LIVE), later)).isFalse();
    }

    @Test
    void concurrentAddsStopAtLimit() throws Exception {
        apiKeys.setLimit(organizationId, 3);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ApiKey key = newKey(ApiKeyEnvironment.LIVE);
            calls.add(() -> apiKeys.addWithinLimit(key, NOW));
        }

        List<Boolean> results = Concurrently.run(calls);

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(3);
        assertThat(apiKeys.list(organizationId, Optional.empty(), 100)).hasSize(3);
    }

    @Test
    void setLimitOfUnknownOrganizationReturnsFalse() {
        assertThat(apiKeys.setLimit(OrganizationId.random(), 3)).isFalse();
    }

    @Test
    void listPagesOldestFirst() {
        List<ApiKey> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiKey key = ApiKey.issued(PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, RANDOM), organizationId,
                    groupId, "Key " + i, ApiKeyCreator.user(admin.id()), NOW.plusSeconds(i % 3), EXPIRES_AT,
                    Optional.empty());
            apiKeys.addWithinLimit(key, NOW);
            stored.add(key);
        }

        List<ApiKey> first = apiKeys.list(organizationId, Optional.empty(), 2);
        ApiKey lastOfFirst = first.get(1);
        List<ApiKey> rest = apiKeys.list(organizationId,
                Optional.of(new ApiKeyRepository.Cursor(lastOfFirst.createdAt(), lastOfFirst.id())), 10);

        List<ApiKey> all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(all).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(all).isSortedAccordingTo((a, b) -> a.createdAt().compareTo(b.createdAt()));
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void listShowsOnlyOwnOrganization() {
        apiKeys.addWithinLimit(newKey(ApiKeyEnvironment.LIVE), NOW);
        OrganizationId other = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();

        assertThat(apiKeys.list(other, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void rotateMarksOldAndStoresReplacement() {
        ApiKey old = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(old, NOW);
        ApiKey replacement = replacementOf(old);
        Instant graceEnd = NOW.plus(Duration.ofHours(24));

        ApiKey rotated = apiKeys.rotate(old, replacement, graceEnd, NOW).orElseThrow();

        assertThat(rotated.rotatedAt()).contains(NOW);
        assertThat(rotated.expiresAt()).isEqualTo(graceEnd);
        assertThat(rotated.statusAt(NOW)).isEqualTo(ApiKeyStatus.ROTATED);
        assertThat(apiKeys.findByLookupId(replacement.lookupId())).contains(replacement);
    }

    @Test
    void rotateKeepsEarlierExpiry() {
        ApiKey old = ApiKey.issued(PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, RANDOM), organizationId, groupId,
                "Short", ApiKeyCreator.user(admin.id()), NOW, NOW.plusSeconds(3600), Optional.empty());
        apiKeys.addWithinLimit(old, NOW);

        ApiKey rotated = apiKeys.rotate(old, replacementOf(old), NOW.plus(Duration.ofDays(2)), NOW).orElseThrow();

        assertThat(rotated.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void rotateOfRevokedKeyChangesNothing() {
        ApiKey old = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(old, NOW);
        apiKeys.revoke(organizationId, old.id(), NOW);
        ApiKey replacement = replacementOf(old);

        assertThat(apiKeys.rotate(old, replacement, NOW.plusSeconds(60), NOW)).isEmpty();
        assertThat(apiKeys.findByLookupId(replacement.lookupId())).isEmpty();
    }

    @Test
    void concurrentRotationsHaveOneWinner() throws Exception {
        ApiKey old = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(old, NOW);
        List<ApiKey> replacements = new ArrayList<>();
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ApiKey replacement = replacementOf(old);
            replacements.add(replacement);
            calls.add(() -> apiKeys.rotate(old, replacement, NOW.plusSeconds(3600), NOW).isPresent());
        }

        List<Boolean> results = Concurrently.run(calls);

        assertThat(results).containsOnlyOnce(true);
        long storedReplacements = replacements.stream()
                .filter(replacement -> apiKeys.findByLookupId(replacement.lookupId()).isPresent())
                .count();
        assertThat(storedReplacements).isEqualTo(1);
    }

    @Test
    void revokeIsImmediateAndOnlyOnce() {
        ApiKey key = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(key, NOW);

        assertThat(apiKeys.revoke(organizationId, key.id(), NOW)).isTrue();
        assertThat(apiKeys.revoke(organizationId, key.id(), NOW.plusSeconds(5))).isFalse();

        ApiKey stored = apiKeys.findById(organizationId, key.id()).orElseThrow();
        assertThat(stored.revokedAt()).contains(NOW);
        assertThat(stored.statusAt(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void revokeOfOtherOrganizationsKeyChangesNothing() {
        ApiKey key = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(key, NOW);
        OrganizationId other = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();

        assertThat(apiKeys.revoke(other, key.id(), NOW)).isFalse();
        assertThat(apiKeys.findById(organizationId, key.id()).orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    void recordUseWritesAtMostOncePerInterval() {
        ApiKey key = newKey(ApiKeyEnvironment.LIVE);
        apiKeys.addWithinLimit(key, NOW);
        Instant firstUse = NOW.plusSeconds(10);
        Instant secondUse = NOW.plusSeconds(40);
        Instant thirdUse = NOW.plusSeconds(75);

        apiKeys.recordUse(key.id(), firstUse, firstUse.minusSeconds(60));
        apiKeys.recordUse(key.id(), secondUse, secondUse.minusSeconds(60));
        assertThat(lastUsedAt(key)).contains(firstUse);

        apiKeys.recordUse(key.id(), thirdUse, thirdUse.minusSeconds(60));
        assertThat(lastUsedAt(key)).contains(thirdUse);
    }

    private Optional<Instant> lastUsedAt(ApiKey key) {
        return apiKeys.findById(organizationId, key.id()).orElseThrow().lastUsedAt();
    }

    private ApiKey newKey(ApiKeyEnvironment environment) {
        return ApiKey.issued(PlaintextApiKey.generate(environment, RANDOM), organizationId, groupId, "Billing server",
                ApiKeyCreator.user(admin.id()), NOW, EXPIRES_AT, Optional.empty());
    }

    private ApiKey replacementOf(ApiKey old) {
        return ApiKey.issued(PlaintextApiKey.generate(old.environment(), RANDOM), old.organizationId(),
                old.groupId(), old.name(), ApiKeyCreator.user(admin.id()), NOW, EXPIRES_AT, Optional.of(old.id()));
    }
}
