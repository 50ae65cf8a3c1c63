package id.anycheck.auth.application.apikey;

import id.anycheck.auth.application.Administrators;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Use case: an Admin revokes an API key, which stops working at once on this instance and within
 * the key cache's time to live on the others. Revoking a revoked key changes nothing. Thread-safe.
 */
public final class RevokeApiKey {

    private static final System.Logger LOG = System.getLogger(RevokeApiKey.class.getName());

    private final ApiKeyRepository apiKeys;
    private final ApiKeyCache cache;
    private final Administrators administrators;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public RevokeApiKey(ApiKeyRepository apiKeys, ApiKeyCache cache, Administrators administrators,
            AuditTrail auditTrail, Clock clock) {
        this.apiKeys = apiKeys;
        this.cache = cache;
        this.administrators = administrators;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * @return the key as now stored
     * @throws NotFoundException if the organization has no such key
     */
    public ApiKey revoke(OrganizationId organizationId, ApiKeyId keyId, Caller caller) {
        administrators.requireKeyManager(caller, organizationId);

        Instant now = clock.instant();
        boolean revokedNow = apiKeys.revoke(organizationId, keyId, now);
        ApiKey revoked = apiKeys.findById(organizationId, keyId)
                .orElseThrow(() -> new NotFoundException("API key " + keyId + " not found."));
        cache.forget(revoked.lookupId());

        if (revokedNow) {
            auditTrail.record(AuditEventType.API_KEY_REVOKED, organizationId, caller, keyId.toString(),
                    Map.of("prefix", revoked.prefix()));
            LOG.log(Level.INFO, "Revoked API key {0} ({1})", keyId, revoked.prefix());
        }
        return revoked;
    }
}
