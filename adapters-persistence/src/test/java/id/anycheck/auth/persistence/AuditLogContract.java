package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.AuditLog;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiAuditLog}, run on each supported database by a subclass. */
abstract class AuditLogContract extends DatabaseContractBase {

    private Jdbi jdbi;
    private AuditLog auditLog;

    @BeforeEach
    void createAuditLog() {
        jdbi = database().jdbi();
        auditLog = new JdbiAuditLog(jdbi);
    }

    @Test
    void recordStoresEveryField() {
        OrganizationId organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        String actorId = UUID.randomUUID().toString();
        AuditEvent event = new AuditEvent(UUID.randomUUID(), Optional.of(organizationId),
                AuditEventType.API_KEY_ISSUED, new AuditActor(AuditActor.Kind.USER, Optional.of(actorId)),
                Optional.of("key-1"), Optional.of("2001:db8::1"), Fixtures.CREATED_AT,
                Map.of("name", "Billing \"server\"", "environment", "live"));

        auditLog.record(event);

        Map<String, Object> row = jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM audit_events WHERE id = :id")
                .bind("id", event.id())
                .mapToMap()
                .one());
        assertThat(row).containsEntry("organization_id", organizationId.value())
                .containsEntry("event_type", "api_key.issued")
                .containsEntry("actor_kind", "user")
                .containsEntry("actor_id", actorId)
                .containsEntry("target_id", "key-1")
                .containsEntry("client_ip", "2001:db8::1")
                .containsEntry("details", "{\"environment\":\"live\",\"name\":\"Billing \\\"server\\\"\"}");
    }

    @Test
    void recordWithoutOrganizationOrActor() {
        AuditEvent event = new AuditEvent(UUID.randomUUID(), Optional.empty(), AuditEventType.API_KEY_REJECTED,
                AuditActor.anonymous(), Optional.empty(), Optional.empty(), Fixtures.CREATED_AT,
                Map.of("reason", "unknown"));

        auditLog.record(event);

        Map<String, Object> row = jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM audit_events WHERE id = :id")
                .bind("id", event.id())
                .mapToMap()
                .one());
        assertThat(row.get("organization_id")).isNull();
        assertThat(row).containsEntry("actor_kind", "anonymous").containsEntry("event_type", "api_key.rejected");
    }
}
