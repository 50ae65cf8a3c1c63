package id.anycheck.auth.domain.apikey;

import id.anycheck.auth.domain.organization.DisplayNames;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored API key: everything but the secret, of which only a hash is kept. A key is issued
 * active, bound to one group of its organization, in which it acts with User rights. It stops
 * working when it expires, when the grace period after a rotation ends (its expiry is moved to
 * that instant), or at once when it is revoked.
 */
public record ApiKey(
        ApiKeyId id,
        OrganizationId organizationId,
        GroupId groupId,
        String name,
        ApiKeyEnvironment environment,
        String lookupId,
        String secretHash,
        Instant createdAt,
        ApiKeyCreator createdBy,
        Instant expiresAt,
        Optional<Instant> lastUsedAt,
        Optional<Instant> rotatedAt,
        Optional<Instant> revokedAt,
        Optional<ApiKeyId> replacesKeyId) {

    /** Default and maximum lifetime of a key; a shorter one can be chosen per key. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(90);

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(lookupId, "lookupId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(replacesKeyId, "replacesKeyId");
        name = DisplayNames.requireValid(name, "API key name");
    }

    /** Describes a newly issued key, which has never been used, rotated or revoked. */
    public static ApiKey issued(PlaintextApiKey key, OrganizationId organizationId, GroupId groupId, String name,
            ApiKeyCreator createdBy, Instant createdAt, Instant expiresAt, Optional<ApiKeyId> replacesKeyId) {
        return new ApiKey(ApiKeyId.random(), organizationId, groupId, name, key.environment(), key.lookupId(),
                key.hash(), createdAt, createdBy, expiresAt, Optional.empty(), Optional.empty(), Optional.empty(),
                replacesKeyId);
    }

    public ApiKeyStatus statusAt(Instant now) {
        if (revokedAt.isPresent()) {
            return ApiKeyStatus.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return ApiKeyStatus.EXPIRED;
        }
        return rotatedAt.isPresent() ? ApiKeyStatus.ROTATED : ApiKeyStatus.ACTIVE;
    }

    /** Returns whether the key authenticates requests at that instant. */
    public boolean worksAt(Instant now) {
        ApiKeyStatus status = statusAt(now);
        return status == ApiKeyStatus.ACTIVE || status == ApiKeyStatus.ROTATED;
    }

    public String prefix() {
        return PlaintextApiKey.prefixOf(environment, lookupId);
    }
}
