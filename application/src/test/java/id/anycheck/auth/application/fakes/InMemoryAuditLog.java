package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.port.AuditLog;
import id.anycheck.auth.domain.audit.AuditQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/** In-memory {@link AuditLog} that keeps every event for tests to inspect. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> find(AuditQuery query) {
        Comparator<AuditEvent> newestFirst = Comparator.comparing(AuditEvent::occurredAt)
                .thenComparing(AuditEvent::id)
                .reversed();
        return events.stream()
                .filter(event -> event.organizationId().equals(Optional.of(query.organizationId())))
                .filter(event -> query.type().map(type -> event.type() == type).orElse(true))
                .filter(event -> query.actorId().map(actor -> event.actor().id().equals(Optional.of(actor))).orElse(true))
                .filter(event -> query.since().map(since -> !event.occurredAt().isBefore(since)).orElse(true))
                .filter(event -> query.until().map(until -> event.occurredAt().isBefore(until)).orElse(true))
                .filter(event -> query.after().map(after -> newestFirst.compare(event,
                        new AuditEvent(after.id(), event.organizationId(), event.type(), event.actor(), Optional.empty(),
                                Optional.empty(), after.occurredAt(), Map.of())) > 0).orElse(true))
                .sorted(newestFirst)
                .limit(query.limit())
                .toList();
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<AuditEvent> eventsOfType(AuditEventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }
}
