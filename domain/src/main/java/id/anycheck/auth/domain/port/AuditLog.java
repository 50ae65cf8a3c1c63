package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditQuery;
import java.util.List;

/** Port: the append-only record of security-relevant events. Implementations are thread-safe. */
public interface AuditLog {

    void record(AuditEvent event);

    /** Returns up to {@code query.limit()} events of the query's organization, newest first. */
    List<AuditEvent> find(AuditQuery query);
}
