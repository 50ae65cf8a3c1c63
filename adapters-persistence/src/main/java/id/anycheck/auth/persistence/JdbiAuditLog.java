package id.anycheck.auth.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.audit.AuditQuery;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Persistence adapter: the audit log as an append-only table, with details as a JSON object. Thread-safe. */
public final class JdbiAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiAuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

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

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, organization_id, event_type, actor_kind, actor_id, target_id, client_ip, occurred_at, details
                  FROM audit_events
                 WHERE organization_id = :organizationId""");
        query.type().ifPresent(type -> sql.append(" AND event_type = :type"));
        query.actorId().ifPresent(actor -> sql.append(" AND actor_id = :actorId"));
        query.since().ifPresent(since -> sql.append(" AND occurred_at >= :since"));
        query.until().ifPresent(until -> sql.append(" AND occurred_at < :until"));
        query.after().ifPresent(after -> sql.append(
                " AND (occurred_at < :afterTime OR (occurred_at = :afterTime AND id < :afterId))"));
        sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST :limit ROWS ONLY");

        return Storage.call(() -> jdbi.withHandle(handle -> {
            var statement = handle.createQuery(sql.toString())
                    .bind("organizationId", query.organizationId().value())
                    .bind("limit", query.limit());
            query.type().ifPresent(type -> statement.bind("type", type.externalName()));
            query.actorId().ifPresent(actor -> statement.bind("actorId", actor));
            query.since().ifPresent(since -> statement.bind("since", since));
            query.until().ifPresent(until -> statement.bind("until", until));
            query.after().ifPresent(after -> statement.bind("afterTime", after.occurredAt())
                    .bind("afterId", after.id()));
            return statement.map((rs, ctx) -> toEvent(rs)).list().stream()
                    .flatMap(Optional::stream)
                    .toList();
        }));
    }

    /** Maps a row, or returns empty for a type this version does not know, written by a newer one. */
    private static Optional<AuditEvent> toEvent(ResultSet rs) throws SQLException {
        String typeName = rs.getString("event_type");
        Optional<AuditEventType> type = AuditEventType.byExternalName(typeName);
        if (type.isEmpty()) {
            LOG.warn("Skipped audit event {} of unknown type {}", rs.getString("id"), typeName);
            return Optional.empty();
        }
        String kindName = rs.getString("actor_kind").toUpperCase(Locale.ROOT);
        AuditActor actor = new AuditActor(AuditActor.Kind.valueOf(kindName), Optional.ofNullable(rs.getString("actor_id")));
        UUID organizationId = Rows.uuid(rs, "organization_id");
        return Optional.of(new AuditEvent(
                Rows.uuid(rs, "id"),
                Optional.ofNullable(organizationId).map(OrganizationId::new),
                type.get(),
                actor,
                Optional.ofNullable(rs.getString("target_id")),
                Optional.ofNullable(rs.getString("client_ip")),
                Rows.instant(rs, "occurred_at"),
                fromJson(rs.getString("details"))));
    }

    private static Map<String, String> fromJson(String details) {
        try {
            return JSON.readValue(details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not a JSON object of strings: " + e.getOriginalMessage(),
                    e);
        }
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
