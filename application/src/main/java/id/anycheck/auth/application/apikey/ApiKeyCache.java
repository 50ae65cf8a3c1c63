package id.anycheck.auth.application.apikey;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.port.OrganizationRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps recently used API keys, with whether their organization is active, for a short time, so
 * that a request with a key needs no database round trip. A key revoked or rotated through this
 * instance is forgotten at once. A change made by another instance takes effect here after at
 * most the configured time to live. A time to live of zero reads the database every time.
 * Thread-safe.
 */
public final class ApiKeyCache {

    /** A stored key as last read, and when its last use was recorded by this instance. */
    static final class Entry {
        final ApiKey key;
        final boolean organizationActive;
        final long freshUntilMillis;
        final AtomicLong useRecordedAtMillis = new AtomicLong(Long.MIN_VALUE);

        Entry(ApiKey key, boolean organizationActive, long freshUntilMillis) {
            this.key = key;
            this.organizationActive = organizationActive;
            this.freshUntilMillis = freshUntilMillis;
        }
    }

    private final ApiKeyRepository apiKeys;
    private final OrganizationRepository organizations;
    private final long timeToLiveMillis;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts calls to {@link #forget}, so a load that overlapped one can drop its stale result. */
    private final AtomicLong forgetCount = new AtomicLong();

    public ApiKeyCache(ApiKeyRepository apiKeys, OrganizationRepository organizations, Duration timeToLive,
            int maxEntries, Clock clock) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("time to live must not be negative");
        }
        this.apiKeys = apiKeys;
        this.organizations = organizations;
        this.timeToLiveMillis = timeToLive.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** Returns the key with this lookup id, from memory while fresh, else from storage. */
    Optional<Entry> find(String lookupId) {
        long now = clock.millis();
        Entry cached = entries.get(lookupId);
        if (cached != null && cached.freshUntilMillis > now) {
            return Optional.of(cached);
        }

        long forgetsBefore = forgetCount.get();
        Optional<ApiKey> stored = apiKeys.findByLookupId(lookupId);
        if (stored.isEmpty()) {
            entries.remove(lookupId);
            return Optional.empty();
        }
        boolean organizationActive = organizations.findById(stored.get().organizationId())
                .map(Organization::active)
                .orElse(false);
        Entry loaded = new Entry(stored.get(), organizationActive, now + timeToLiveMillis);
        if (cached != null) {
            // Keep the time of the last recorded use, so a reload does not write it again at once.
            loaded.useRecordedAtMillis.set(cached.useRecordedAtMillis.get());
        }
        if (timeToLiveMillis == 0) {
            return Optional.of(loaded);
        }
        if (entries.size() >= maxEntries) {
            // Dropping everything is crude but bounded; the next requests reload what is still in use.
            entries.clear();
        }
        entries.put(lookupId, loaded);
        if (forgetCount.get() != forgetsBefore) {
            // A key was revoked or rotated while this load read storage, and the result may predate
            // that change. Use it for this request only, so the next one reads storage again.
            entries.remove(lookupId);
        }
        return Optional.of(loaded);
    }

    /** Forgets every key, for changes that revoke keys without naming them, such as deleting a group. */
    public void forgetAll() {
        forgetCount.incrementAndGet();
        entries.clear();
    }

    /** Forgets a key so that its next use reads storage. Call it after revoking or rotating it. */
    public void forget(String lookupId) {
        forgetCount.incrementAndGet();
        entries.remove(lookupId);
    }
}
