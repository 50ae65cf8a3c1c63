package id.anycheck.auth.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.AuditLog;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Persistence adapter: the audit log as an append-only table, with details as a JSON object. Thread-safe. */
public final class JdbiAuditLog implements AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEvent event) {
        String details = toJson(event);
        Storage.run(() -> jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO audit_events (id, organization_id, event_type, actor_kind, actor_id, target_id,
                                                  client_ip, occurred_at, details)
                        VALUES (:id, :organizationId, :type, :actorKind, :actorId, :targetId, :clientIp, :occurredAt,
                                :details)""")
                .bind("id", event.id())
                .bind("organizationId", Rows.nullableUuid(event.organizationId().map(OrganizationId::value).orElse(null)))
                .bind("type", event.type().externalName())
                .bind("actorKind", event.actor().kind().externalName())
                .bind("actorId", event.actor().id().orElse(null))
                .bind("targetId", event.targetId().orElse(null))
                .bind("clientIp", event.clientIp().orElse(null))
                .bind("occurredAt", event.occurredAt())
                .bind("details", details)
                .execute()));
    }

    private static String toJson(AuditEvent event) {
        try {
            // Sorted keys give the same text for the same details.
            return JSON.writeValueAsString(new TreeMap<>(event.details()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
