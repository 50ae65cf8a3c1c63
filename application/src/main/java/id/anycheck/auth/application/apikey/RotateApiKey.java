package id.anycheck.auth.application.apikey;

import id.anycheck.auth.application.Administrators;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.apikey.ApiKeyStatus;
import id.anycheck.auth.domain.apikey.PlaintextApiKey;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: an Admin replaces an API key with a new one. The old key keeps working for a grace
 * period, so servers can switch over without downtime, and then expires. Thread-safe.
 */
public final class RotateApiKey {

    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);
    public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(7);

    private static final System.Logger LOG = System.getLogger(RotateApiKey.class.getName());

    private final ApiKeyRepository apiKeys;
    private final ApiKeyCache cache;
    private final Administrators administrators;
    private final AuditTrail auditTrail;
    private final SecureRandom random;
    private final Clock clock;

    public RotateApiKey(ApiKeyRepository apiKeys, ApiKeyCache cache, Administrators administrators,
            AuditTrail auditTrail, SecureRandom random, Clock clock) {
        this.apiKeys = apiKeys;
        this.cache = cache;
        this.administrators = administrators;
        this.auditTrail = auditTrail;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @param gracePeriodHours hours the old key keeps working, 0 to 168, or empty for 24
     * @param expiresInDays the new key's lifetime in days, 1 to 90, or empty for 90
     * @throws InvalidInputException for a grace period or lifetime out of range
     * @throws NotFoundException if the organization has no such key
     * @throws ConflictException if the key is revoked, expired or already rotated
     */
    public IssuedApiKey rotate(OrganizationId organizationId, ApiKeyId keyId, Optional<Integer> gracePeriodHours,
            Optional<Integer> expiresInDays, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>(IssueApiKeyCommand.lifetimeProblems(expiresInDays));
        if (gracePeriodHours.isPresent()
                && (gracePeriodHours.get() < 0 || gracePeriodHours.get() > MAX_GRACE_PERIOD.toHours())) {
            problems.add(new FieldProblem("grace_period_hours", "must be 0 to " + MAX_GRACE_PERIOD.toHours()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        administrators.requireKeyManager(caller, organizationId);

        ApiKey old = apiKeys.findById(organizationId, keyId)
                .orElseThrow(() -> new NotFoundException("API key " + keyId + " not found."));
        Instant now = clock.instant();
        requireRotatable(old, now);

        PlaintextApiKey plaintext = PlaintextApiKey.generate(old.environment(), random);
        Duration lifetime = expiresInDays.map(Duration::ofDays).orElse(ApiKey.MAX_LIFETIME);
        ApiKey replacement = ApiKey.issued(plaintext, old.organizationId(), old.groupId(), old.name(),
                IssueApiKey.creatorOf(caller), now, now.plus(lifetime), Optional.of(old.id()));
        Instant graceEnd = now.plus(gracePeriodHours.map(Duration::ofHours).orElse(DEFAULT_GRACE_PERIOD));
        ApiKey rotated = apiKeys.rotate(old, replacement, graceEnd, now)
                .orElseThrow(() -> new ConflictException(
                        "API key " + keyId + " was rotated or revoked by another request at the same time."));
        cache.forget(old.lookupId());

        auditTrail.record(AuditEventType.API_KEY_ROTATED, organizationId, caller, old.id().toString(),
                Map.of("replacement_id", replacement.id().toString(), "prefix", replacement.prefix(),
                        "old_key_expires_at", rotated.expiresAt().toString()));
        LOG.log(Level.INFO, "Rotated API key {0} to {1}; the old key works until {2}",
                old.id(), replacement.id(), rotated.expiresAt());
        return new IssuedApiKey(replacement, plaintext);
    }

    private static void requireRotatable(ApiKey key, Instant now) {
        ApiKeyStatus status = key.statusAt(now);
        if (status == ApiKeyStatus.ROTATED) {
            throw new ConflictException("API key " + key.id() + " was already rotated; rotate its replacement.");
        }
        if (status != ApiKeyStatus.ACTIVE) {
            throw new ConflictException("API key " + key.id() + " is " + status.externalName()
                    + " and cannot be rotated; issue a new key instead.");
        }
    }
}
