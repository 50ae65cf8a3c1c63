package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.audit.AuditEvent;

/** Port: the append-only record of security-relevant events. Implementations are thread-safe. */
public interface AuditLog {

    void record(AuditEvent event);
}
