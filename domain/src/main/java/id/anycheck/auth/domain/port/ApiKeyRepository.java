package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: stored API keys. Implementations are thread-safe and make each change atomic. */
public interface ApiKeyRepository {

    /** Position in a list of keys ordered by creation time, then id. */
    record Cursor(Instant createdAt, ApiKeyId id) {
    }

    /**
     * Stores a new key unless its organization already has as many keys counted against its
     * contract limit as the limit allows. Counted are keys that work at {@code now} and were not
     * rotated, so a key in its grace period after a rotation does not take a second slot. The
     * count and the insert are one atomic step.
     *
     * @return whether the key was stored
     */
    boolean addWithinLimit(ApiKey key, Instant now);

    /** Returns the organization's contract limit of active keys. */
    int limitOf(OrganizationId organizationId);

    /** Sets the organization's contract limit of active keys; returns false for an unknown organization. */
    boolean setLimit(OrganizationId organizationId, int limit);

    Optional<ApiKey> findByLookupId(String lookupId);

    /** Returns a key of the organization, or empty if it does not exist there. */
    Optional<ApiKey> findById(OrganizationId organizationId, ApiKeyId id);

    /** Returns up to {@code limit} keys of the organization after the cursor, oldest first. */
    List<ApiKey> list(OrganizationId organizationId, Optional<Cursor> after, int limit);

    /**
     * Rotates a key in one atomic step: marks it rotated, moves its expiry to {@code graceEnd} if
     * that is earlier, and stores its replacement. Only a key that works at {@code now} and was
     * not rotated before can be rotated, so of concurrent rotations exactly one succeeds.
     *
     * @return the rotated key as now stored, or empty if it could not be rotated
     */
    Optional<ApiKey> rotate(ApiKey key, ApiKey replacement, Instant graceEnd, Instant now);

    /**
     * Revokes a key of the organization at {@code now} unless it is revoked already.
     *
     * @return whether this call revoked it: false if it was revoked before or does not exist
     */
    boolean revoke(OrganizationId organizationId, ApiKeyId id, Instant now);

    /** Records a use of the key unless one at or after {@code notBefore} is recorded already. */
    void recordUse(ApiKeyId id, Instant usedAt, Instant notBefore);
}
