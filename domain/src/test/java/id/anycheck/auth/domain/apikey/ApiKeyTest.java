package id.anycheck.auth.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant EXPIRES_AT = NOW.plusSeconds(3600);

    private final ApiKey issued = ApiKey.issued(PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, new SecureRandom()),
            OrganizationId.random(), GroupId.random(), "Billing server", ApiKeyCreator.operator(), NOW, EXPIRES_AT,
            Optional.empty());

    @Test
    void issuedKeyIsActiveUntilExpiry() {
        assertThat(issued.statusAt(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(issued.worksAt(EXPIRES_AT.minusMillis(1))).isTrue();
        assertThat(issued.statusAt(EXPIRES_AT)).isEqualTo(ApiKeyStatus.EXPIRED);
        assertThat(issued.worksAt(EXPIRES_AT)).isFalse();
    }

    @Test
    void rotatedKeyWorksUntilGraceEnd() {
        ApiKey rotated = withRotation(issued, NOW);

        assertThat(rotated.statusAt(NOW.plusSeconds(10))).isEqualTo(ApiKeyStatus.ROTATED);
        assertThat(rotated.worksAt(NOW.plusSeconds(10))).isTrue();
        assertThat(rotated.statusAt(EXPIRES_AT)).isEqualTo(ApiKeyStatus.EXPIRED);
    }

    @Test
    void revokedKeyStopsAtOnce() {
        ApiKey revoked = new ApiKey(issued.id(), issued.organizationId(), issued.groupId(), issued.name(),
                issued.environment(), issued.lookupId(), issued.secretHash(), issued.createdAt(), issued.createdBy(),
                issued.expiresAt(), Optional.empty(), Optional.empty(), Optional.of(NOW), Optional.empty());

        assertThat(revoked.statusAt(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(revoked.worksAt(NOW)).isFalse();
    }

    @Test
    void prefixNamesEnvironmentAndLookupId() {
        assertThat(issued.prefix()).isEqualTo("ak_live_" + issued.lookupId());
    }

    private static ApiKey withRotation(ApiKey key, Instant rotatedAt) {
        return new ApiKey(key.id(), key.organizationId(), key.groupId(), key.name(), key.environment(),
                key.lookupId(), key.secretHash(), key.createdAt(), key.createdBy(), key.expiresAt(),
                Optional.empty(), Optional.of(rotatedAt), Optional.empty(), Optional.empty());
    }
}
