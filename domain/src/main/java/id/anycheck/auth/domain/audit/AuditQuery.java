package id.anycheck.auth.domain.audit;

import id.anycheck.auth.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page of one organization's audit events, newest first, narrowed by the filters that are present.
 *
 * @param since earliest time included
 * @param until latest time excluded
 * @param after position of the last event of the previous page
 */
public record AuditQuery(
        OrganizationId organizationId,
        Optional<AuditEventType> type,
        Optional<String> actorId,
        Optional<Instant> since,
        Optional<Instant> until,
        Optional<Cursor> after,
        int limit) {

    /** Position in the newest-first order: an event's time, then its id. */
    public record Cursor(Instant occurredAt, UUID id) {

        public Cursor {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(id, "id");
        }
    }

    public AuditQuery {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}
