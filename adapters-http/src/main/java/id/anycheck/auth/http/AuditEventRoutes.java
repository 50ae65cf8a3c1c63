package id.anycheck.auth.http;

import id.anycheck.auth.application.ListAuditEvents;
import id.anycheck.auth.application.Page;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.Ids;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.audit.AuditQuery;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Handler of {@code GET /audit-events}: the organization's audit log, for its Admins. */
final class AuditEventRoutes {

    record ActorSummary(String type, String id) {
    }

    record AuditEventResponse(
            String id,
            String type,
            String occurredAt,
            ActorSummary actor,
            String targetId,
            String clientIp,
            Map<String, String> details) {

        static AuditEventResponse of(AuditEvent event) {
            return new AuditEventResponse(
                    event.id().toString(),
                    event.type().externalName(),
                    Timestamps.format(event.occurredAt()),
                    new ActorSummary(event.actor().kind().externalName(), event.actor().id().orElse(null)),
                    event.targetId().orElse(null),
                    event.clientIp().orElse(null),
                    new TreeMap<>(event.details()));
        }
    }

    record AuditEventPage(List<AuditEventResponse> items, String nextCursor) {
    }

    private final ListAuditEvents listAuditEvents;

    AuditEventRoutes(ListAuditEvents listAuditEvents) {
        this.listAuditEvents = listAuditEvents;
    }

    /**
     * Lists events newest first. Filters: {@code type} (such as {@code login.failed}, or the
     * constant name {@code LOGIN_FAILED}), {@code actor} (a user or API key id), and {@code since} /
     * {@code until} (ISO-8601 instants, {@code since} inclusive, {@code until} exclusive).
     */
    void list(Context ctx) {
        int limit = Paging.limit(ctx);
        Optional<AuditQuery.Cursor> after = Paging.cursor(ctx)
                .map(position -> new AuditQuery.Cursor(position.createdAt(), position.id()));
        for (String name : List.of("type", "actor", "since", "until")) {
            if (ctx.queryParams(name).size() > 1) {
                throw ApiException.invalidField(name, "must be given at most once");
            }
        }
        ListAuditEvents.Filters filters = new ListAuditEvents.Filters(
                QueryParams.optional(ctx, "type").map(AuditEventRoutes::type),
                QueryParams.optional(ctx, "actor").map(AuditEventRoutes::actor),
                QueryParams.optional(ctx, "since").map(text -> QueryParams.instant("since", text)),
                QueryParams.optional(ctx, "until").map(text -> QueryParams.instant("until", text)));
        if (filters.since().isPresent() && filters.until().isPresent()
                && !filters.since().get().isBefore(filters.until().get())) {
            throw ApiException.invalidField("until", "must be later than since");
        }

        Page<AuditEvent, AuditQuery.Cursor> page = listAuditEvents.list(Callers.of(ctx), filters, after, limit);

        AuthRoutes.noStore(ctx);
        Envelope.success(ctx, 200, new AuditEventPage(
                page.items().stream().map(AuditEventResponse::of).toList(),
                page.nextCursor().map(cursor -> Paging.encode(cursor.occurredAt(), cursor.id())).orElse(null)));
    }

    /** Returns the id in its canonical lower-case form, as events store it. */
    private static String actor(String text) {
        try {
            return Ids.parseUuid(text).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("actor", "must be a user or API key id (a UUID)");
        }
    }

    private static AuditEventType type(String text) {
        return AuditEventType.byAnyName(text).orElseThrow(() -> ApiException.invalidField("type",
                "is not a known event type, such as login.failed or api_key.issued"));
    }
}
