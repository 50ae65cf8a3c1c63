package id.anycheck.auth.application.apikey;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.protection.UnusualAccess;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.PlaintextApiKey;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.StorageUnavailableException;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Use case: authenticate a request by the API key in its {@code X-API-Key} header. The key's
 * lookup id finds at most one stored key, so the cost does not grow with the number of keys.
 * Every refusal looks the same to the client. Thread-safe.
 */
public final class AuthenticateApiKey {

    /** A key's last use is written at most this often, so requests do not each cause a write. */
    public static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    /** Rejections of one key, or from one client address, are recorded at most this often. */
    static final Duration REJECTION_RECORD_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_REJECTION_SOURCES = 10_000;

    private static final System.Logger LOG = System.getLogger(AuthenticateApiKey.class.getName());

    private final ApiKeyCache cache;
    private final ApiKeyRepository apiKeys;
    private final AuditTrail auditTrail;
    private final UnusualAccess unusualAccess;
    private final Clock clock;
    private final Map<String, Long> rejectionRecordedAtMillis = new ConcurrentHashMap<>();

    public AuthenticateApiKey(ApiKeyCache cache, ApiKeyRepository apiKeys, AuditTrail auditTrail,
            UnusualAccess unusualAccess, Clock clock) {
        this.cache = cache;
        this.apiKeys = apiKeys;
        this.auditTrail = auditTrail;
        this.unusualAccess = unusualAccess;
        this.clock = clock;
    }

    /**
     * @param clientIp the request's client address, for the audit record of a rejection and for
     *     noticing a key used from a new network
     * @throws AuthenticationException with {@link AuthenticationFailure#INVALID_API_KEY} if the
     *     key is malformed, unknown, revoked, expired or of an inactive organization
     */
    public ApiKeyPrincipal authenticate(String presentedKey, Optional<String> clientIp) {
        PlaintextApiKey presented = PlaintextApiKey.parse(presentedKey)
                .orElseThrow(() -> rejectUnknown("malformed", clientIp));

        ApiKeyCache.Entry entry = cache.find(presented.lookupId())
                .orElseThrow(() -> rejectUnknown("unknown", clientIp));
        ApiKey key = entry.key;

        if (!MessageDigest.isEqual(ascii(presented.hash()), ascii(key.secretHash()))) {
            throw rejectKnown(key, "wrong secret", clientIp);
        }
        Instant now = clock.instant();
        if (!key.worksAt(now)) {
            throw rejectKnown(key, key.statusAt(now).externalName(), clientIp);
        }
        if (!entry.organizationActive) {
            throw rejectKnown(key, "organization inactive", clientIp);
        }

        recordUse(entry, now);
        ApiKeyPrincipal principal =
                new ApiKeyPrincipal(key.id(), key.name(), key.organizationId(), key.groupId(), key.environment());
        unusualAccess.apiKeyUsed(principal, clientIp);
        return principal;
    }

    private void recordUse(ApiKeyCache.Entry entry, Instant now) {
        long nowMillis = now.toEpochMilli();
        long recordedAt = entry.useRecordedAtMillis.get();
        if (recordedAt != Long.MIN_VALUE && nowMillis - recordedAt < LAST_USE_RESOLUTION.toMillis()) {
            return;
        }
        if (!entry.useRecordedAtMillis.compareAndSet(recordedAt, nowMillis)) {
            return;
        }
        try {
            apiKeys.recordUse(entry.key.id(), now, now.minus(LAST_USE_RESOLUTION));
        } catch (StorageUnavailableException e) {
            // The last-use time is informational; the request itself needs no write, so it goes on.
            LOG.log(Level.WARNING, "Could not record the use of API key {0}: {1}", entry.key.id(), e.getMessage());
        }
    }

    private AuthenticationException rejectUnknown(String reason, Optional<String> clientIp) {
        if (shouldRecord("ip:" + clientIp.orElse("-"))) {
            auditTrail.record(AuditEventType.API_KEY_REJECTED, Optional.empty(), AuditActor.anonymous(),
                    Optional.empty(), clientIp, Map.of("reason", reason));
        }
        return new AuthenticationException(AuthenticationFailure.INVALID_API_KEY, reason + " API key");
    }

    private AuthenticationException rejectKnown(ApiKey key, String reason, Optional<String> clientIp) {
        if (shouldRecord("key:" + key.id())) {
            auditTrail.record(AuditEventType.API_KEY_REJECTED, Optional.of(key.organizationId()),
                    AuditActor.anonymous(), Optional.of(key.id().toString()), clientIp,
                    Map.of("reason", reason, "prefix", key.prefix()));
        }
        return new AuthenticationException(AuthenticationFailure.INVALID_API_KEY,
                reason + " API key " + key.id());
    }

    /** Returns whether a rejection from this source is due to be recorded, and notes it if so. */
    private boolean shouldRecord(String source) {
        long now = clock.millis();
        Long last = rejectionRecordedAtMillis.get(source);
        if (last != null && now - last < REJECTION_RECORD_INTERVAL.toMillis()) {
            return false;
        }
        if (rejectionRecordedAtMillis.size() >= MAX_REJECTION_SOURCES) {
            rejectionRecordedAtMillis.clear();
        }
        // Of concurrent rejections from one source, only the one that stores its time records.
        return last == null
                ? rejectionRecordedAtMillis.putIfAbsent(source, now) == null
                : rejectionRecordedAtMillis.replace(source, last, now);
    }

    private static byte[] ascii(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }
}
