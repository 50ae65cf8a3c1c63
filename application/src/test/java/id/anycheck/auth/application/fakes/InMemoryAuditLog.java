package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.port.AuditLog;
import java.util.ArrayList;
import java.util.List;

/** In-memory {@link AuditLog} that keeps every event for tests to inspect. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<AuditEvent> eventsOfType(AuditEventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }
}
