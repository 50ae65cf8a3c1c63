package id.anycheck.auth.application;

import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.AuditLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Records audit events stamped with the current time. Thread-safe. */
public final class AuditTrail {

    private final AuditLog auditLog;
    private final Clock clock;

    public AuditTrail(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Records an event that a caller caused in an organization. */
    public void record(AuditEventType type, OrganizationId organizationId, Caller caller, String targetId,
            Map<String, String> details) {
        record(type, Optional.of(organizationId), caller.auditActor(), Optional.of(targetId), caller.clientIp(),
                details);
    }

    public void record(AuditEventType type, Optional<OrganizationId> organizationId, AuditActor actor,
            Optional<String> targetId, Optional<String> clientIp, Map<String, String> details) {
        auditLog.record(new AuditEvent(UUID.randomUUID(), organizationId, type, actor, targetId, clientIp,
                clock.instant(), details));
    }
}
