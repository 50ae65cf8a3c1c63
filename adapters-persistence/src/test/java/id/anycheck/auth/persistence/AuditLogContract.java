package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.AuditLog;
import id.anycheck.auth.domain.audit.AuditQuery;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void findReturnsNewestFirstInPages() {
        OrganizationId organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        List<AuditEvent> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(event(organizationId, AuditEventType.GROUP_CREATED, "admin", Fixtures.CREATED_AT.plusSeconds(i)));
        }
        stored.forEach(auditLog::record);

        List<AuditEvent> first = auditLog.find(query(organizationId).limit(3).build());
        AuditEvent lastOfFirst = first.get(first.size() - 1);
        List<AuditEvent> second = auditLog.find(query(organizationId)
                .after(new AuditQuery.Cursor(lastOfFirst.occurredAt(), lastOfFirst.id())).limit(3).build());

        assertThat(first).containsExactly(stored.get(4), stored.get(3), stored.get(2));
        assertThat(second).containsExactly(stored.get(1), stored.get(0));
    }

    @Test
    void findPagesThroughEqualTimes() {
        OrganizationId organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        for (int i = 0; i < 4; i++) {
            auditLog.record(event(organizationId, AuditEventType.GROUP_CREATED, "admin", Fixtures.CREATED_AT));
        }

        List<AuditEvent> first = auditLog.find(query(organizationId).limit(2).build());
        AuditEvent last = first.get(1);
        List<AuditEvent> second = auditLog.find(query(organizationId)
                .after(new AuditQuery.Cursor(last.occurredAt(), last.id())).limit(10).build());

        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
    }

    @Test
    void findFiltersByTypeActorAndTime() {
        OrganizationId organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        AuditEvent early = event(organizationId, AuditEventType.LOGIN_FAILED, "ana", Fixtures.CREATED_AT);
        AuditEvent middle = event(organizationId, AuditEventType.LOGIN_FAILED, "bob", Fixtures.CREATED_AT.plusSeconds(60));
        AuditEvent late = event(organizationId, AuditEventType.LOGIN_SUCCEEDED, "ana", Fixtures.CREATED_AT.plusSeconds(120));
        List.of(early, middle, late).forEach(auditLog::record);

        assertThat(auditLog.find(query(organizationId).type(AuditEventType.LOGIN_FAILED).build()))
                .containsExactly(middle, early);
        assertThat(auditLog.find(query(organizationId).actorId("ana").build())).containsExactly(late, early);
        assertThat(auditLog.find(query(organizationId).since(Fixtures.CREATED_AT.plusSeconds(60))
                .until(Fixtures.CREATED_AT.plusSeconds(120)).build())).containsExactly(middle);
    }

    @Test
    void findShowsOnlyOwnOrganization() {
        OrganizationId mine = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        OrganizationId theirs = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        AuditEvent own = event(mine, AuditEventType.GROUP_CREATED, "admin", Fixtures.CREATED_AT);
        auditLog.record(own);
        auditLog.record(event(theirs, AuditEventType.GROUP_CREATED, "admin", Fixtures.CREATED_AT));
        auditLog.record(new AuditEvent(UUID.randomUUID(), Optional.empty(), AuditEventType.LOGIN_FAILED,
                AuditActor.anonymous(), Optional.empty(), Optional.empty(), Fixtures.CREATED_AT, Map.of()));

        assertThat(auditLog.find(query(mine).build())).containsExactly(own);
    }

    private static AuditEvent event(OrganizationId organizationId, AuditEventType type, String actorId,
            java.time.Instant occurredAt) {
        return new AuditEvent(UUID.randomUUID(), Optional.of(organizationId), type,
                new AuditActor(AuditActor.Kind.USER, Optional.of(actorId)), Optional.of("target"),
                Optional.of("192.0.2.1"), occurredAt, Map.of("key", "value"));
    }

    private static QueryBuilder query(OrganizationId organizationId) {
        return new QueryBuilder(organizationId);
    }

    /** Test-data builder of an {@link AuditQuery} with no filters and a limit of 100. */
    private static final class QueryBuilder {

        private final OrganizationId organizationId;
        private Optional<AuditEventType> type = Optional.empty();
        private Optional<String> actorId = Optional.empty();
        private Optional<java.time.Instant> since = Optional.empty();
        private Optional<java.time.Instant> until = Optional.empty();
        private Optional<AuditQuery.Cursor> after = Optional.empty();
        private int limit = 100;

        QueryBuilder(OrganizationId organizationId) {
            this.organizationId = organizationId;
        }

        QueryBuilder type(AuditEventType value) {
            type = Optional.of(value);
            return this;
        }

        QueryBuilder actorId(String value) {
            actorId = Optional.of(value);
            return this;
        }

        QueryBuilder since(java.time.Instant value) {
            since = Optional.of(value);
            return this;
        }

        QueryBuilder until(java.time.Instant value) {
            until = Optional.of(value);
            return this;
        }

        QueryBuilder after(AuditQuery.Cursor value) {
            after = Optional.of(value);
            return this;
        }

        QueryBuilder limit(int value) {
            limit = value;
            return this;
        }

        AuditQuery build() {
            return new AuditQuery(organizationId, type, actorId, since, until, after, limit);
        }
    }
}
