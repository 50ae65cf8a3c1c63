package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link ApiKeyRepository}; every method holds one lock, so each is atomic. Thread-safe. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    public static final int DEFAULT_LIMIT = 5;

    private final Map<ApiKeyId, ApiKey> keysById = new LinkedHashMap<>();
    private final Map<OrganizationId, Integer> limits = new HashMap<>();

    @Override
    public synchronized boolean addWithinLimit(ApiKey key, Instant now) {
        long counted = keysById.values().stream()
                .filter(stored -> stored.organizationId().equals(key.organizationId()))
                .filter(stored -> stored.revokedAt().isEmpty() && stored.rotatedAt().isEmpty())
                .filter(stored -> stored.expiresAt().isAfter(now))
                .count();
        if (counted >= limitOf(key.organizationId())) {
            return false;
        }
        keysById.put(key.id(), key);
        return true;
    }

    @Override
    public synchronized int limitOf(OrganizationId organizationId) {
        return limits.getOrDefault(organizationId, DEFAULT_LIMIT);
    }

    @Override
    public synchronized boolean setLimit(OrganizationId organizationId, int limit) {
        limits.put(organizationId, limit);
        return true;
    }

    @Override
    public synchronized Optional<ApiKey> findByLookupId(String lookupId) {
        return keysById.values().stream().filter(key -> key.lookupId().equals(lookupId)).findFirst();
    }

    @Override
    public synchronized Optional<ApiKey> findById(OrganizationId organizationId, ApiKeyId id) {
        return Optional.ofNullable(keysById.get(id)).filter(key -> key.organizationId().equals(organizationId));
    }

    @Override
    public synchronized List<ApiKey> list(OrganizationId organizationId, Optional<Cursor> after, int limit) {
        Comparator<ApiKey> order = Comparator.comparing(ApiKey::createdAt)
                .thenComparing(key -> key.id().value());
        return keysById.values().stream()
                .filter(key -> key.organizationId().equals(organizationId))
                .filter(key -> after.isEmpty() || isAfter(key, after.get()))
                .sorted(order)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<ApiKey> rotate(ApiKey key, ApiKey replacement, Instant graceEnd, Instant now) {
        Optional<ApiKey> stored = findById(key.organizationId(), key.id())
                .filter(candidate -> candidate.revokedAt().isEmpty() && candidate.rotatedAt().isEmpty())
                .filter(candidate -> candidate.expiresAt().isAfter(now));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ApiKey old = stored.get();
        Instant expiresAt = old.expiresAt().isAfter(graceEnd) ? graceEnd : old.expiresAt();
        ApiKey rotated = new ApiKey(old.id(), old.organizationId(), old.groupId(), old.name(), old.environment(),
                old.lookupId(), old.secretHash(), old.createdAt(), old.createdBy(), expiresAt, old.lastUsedAt(),
                Optional.of(now), Optional.empty(), old.replacesKeyId());
        keysById.put(rotated.id(), rotated);
        keysById.put(replacement.id(), replacement);
        return Optional.of(rotated);
    }

    @Override
    public synchronized boolean revoke(OrganizationId organizationId, ApiKeyId id, Instant now) {
        Optional<ApiKey> stored = findById(organizationId, id).filter(key -> key.revokedAt().isEmpty());
        if (stored.isEmpty()) {
            return false;
        }
        ApiKey old = stored.get();
        keysById.put(id, new ApiKey(old.id(), old.organizationId(), old.groupId(), old.name(), old.environment(),
                old.lookupId(), old.secretHash(), old.createdAt(), old.createdBy(), old.expiresAt(),
                old.lastUsedAt(), old.rotatedAt(), Optional.of(now), old.replacesKeyId()));
        return true;
    }

    @Override
    public synchronized void recordUse(ApiKeyId id, Instant usedAt, Instant notBefore) {
        ApiKey old = keysById.get(id);
        if (old == null || old.lastUsedAt().filter(last -> !last.isBefore(notBefore)).isPresent()) {
            return;
        }
        keysById.put(id, new ApiKey(old.id(), old.organizationId(), old.groupId(), old.name(), old.environment(),
                old.lookupId(), old.secretHash(), old.createdAt(), old.createdBy(), old.expiresAt(),
                Optional.of(usedAt), old.rotatedAt(), old.revokedAt(), old.replacesKeyId()));
    }

    private static boolean isAfter(ApiKey key, Cursor cursor) {
        int byTime = key.createdAt().compareTo(cursor.createdAt());
        return byTime > 0 || (byTime == 0 && key.id().value().compareTo(cursor.id().value()) > 0);
    }
}
