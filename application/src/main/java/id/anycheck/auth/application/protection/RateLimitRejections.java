package id.anycheck.auth.application.protection;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.principal.Principal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitScope;
import id.anycheck.auth.domain.ratelimit.RateLimitState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records rate-limit rejections in the audit log, aggregated: only the first rejection by a
 * counter in each of its windows becomes an event, so a client hammering an exhausted limit adds
 * one row per window, not one per request. The metrics count every rejection. Each instance
 * aggregates on its own. Thread-safe.
 */
public final class RateLimitRejections {

    /** Most counters remembered; beyond it the memory starts again, which may record a window twice. */
    private static final int MAX_REMEMBERED = 100_000;

    private final AuditTrail auditTrail;
    /** The window end of the last recorded rejection, by counter. */
    private final Map<String, Instant> recordedWindows = new ConcurrentHashMap<>();

    public RateLimitRejections(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    public void rejected(Principal principal, RateLimitDecision decision, Optional<String> clientIp) {
        RateLimitState exhausted = decision.closestToExhaustion();
        String counter = exhausted.key().scope().externalName() + ":" + exhausted.key().id();
        Instant recorded = recordedWindows.get(counter);
        if (recorded != null && !recorded.isBefore(exhausted.resetAt())) {
            return;
        }
        if (recordedWindows.size() >= MAX_REMEMBERED) {
            recordedWindows.clear();
        }
        if (recorded == null
                ? recordedWindows.putIfAbsent(counter, exhausted.resetAt()) != null
                : !recordedWindows.replace(counter, recorded, exhausted.resetAt())) {
            return;
        }

        Map<String, String> details = new LinkedHashMap<>();
        details.put("scope", exhausted.key().scope().externalName());
        details.put("limit", Integer.toString(exhausted.limit()));
        details.put("window_resets_at", exhausted.resetAt().toString());
        if (exhausted.key().scope() == RateLimitScope.GROUP) {
            details.put("group_id", exhausted.key().id());
        }
        auditTrail.record(AuditEventType.RATE_LIMIT_EXCEEDED, Optional.of(principal.organizationId()),
                actorOf(principal), Optional.of(exhausted.key().id()), clientIp, details);
    }

    private static AuditActor actorOf(Principal principal) {
        if (principal instanceof UserPrincipal user) {
            return new AuditActor(AuditActor.Kind.USER, Optional.of(user.userId().toString()));
        }
        ApiKeyPrincipal key = (ApiKeyPrincipal) principal;
        return new AuditActor(AuditActor.Kind.API_KEY, Optional.of(key.keyId().toString()));
    }
}
