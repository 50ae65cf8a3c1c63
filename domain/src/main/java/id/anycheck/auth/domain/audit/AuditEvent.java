package id.anycheck.auth.domain.audit;

import id.anycheck.auth.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One recorded event: what happened, to which target, who caused it, from which client address
 * and when. The organization is empty for events no organization can be named for, such as an
 * unknown API key; only the operator sees those. Details never hold a secret.
 */
public record AuditEvent(
        UUID id,
        Optional<OrganizationId> organizationId,
        AuditEventType type,
        AuditActor actor,
        Optional<String> targetId,
        Optional<String> clientIp,
        Instant occurredAt,
        Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = Map.copyOf(details);
    }
}
