package id.anycheck.auth.application;

import id.anycheck.auth.application.access.Actors;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.audit.AuditQuery;
import id.anycheck.auth.domain.port.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case: an Admin reads their organization's audit events, newest first, one page at a time. Thread-safe. */
public final class ListAuditEvents {

    /** Filters of a page; every filter is optional. */
    public record Filters(Optional<AuditEventType> type, Optional<String> actorId, Optional<Instant> since,
            Optional<Instant> until) {
    }

    private final AuditLog auditLog;
    private final Actors actors;

    public ListAuditEvents(AuditLog auditLog, Actors actors) {
        this.auditLog = auditLog;
        this.actors = actors;
    }

    public Page<AuditEvent, AuditQuery.Cursor> list(Caller caller, Filters filters,
            Optional<AuditQuery.Cursor> after, int limit) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        actor.require(Action.VIEW_AUDIT_EVENTS);

        // Reading one more than the limit shows whether a next page exists.
        List<AuditEvent> events = auditLog.find(new AuditQuery(actor.organizationId(), filters.type(),
                filters.actorId(), filters.since(), filters.until(), after, limit + 1));

        if (events.size() <= limit) {
            return new Page<>(events, Optional.empty());
        }
        List<AuditEvent> page = events.subList(0, limit);
        AuditEvent last = page.get(limit - 1);
        return new Page<>(page, Optional.of(new AuditQuery.Cursor(last.occurredAt(), last.id())));
    }
}
