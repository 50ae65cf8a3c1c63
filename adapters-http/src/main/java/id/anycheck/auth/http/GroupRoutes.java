package id.anycheck.auth.http;

import id.anycheck.auth.application.Page;
import id.anycheck.auth.application.access.GroupAdministration;
import id.anycheck.auth.domain.organization.GroupId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Handlers of {@code /groups} and {@code /groups/{id}/services}. */
final class GroupRoutes {

    record GroupResponse(String id, String name, List<String> services, Integer rateLimitPerMinute,
            String createdAt) {

        static GroupResponse of(GroupAdministration.GroupView view) {
            return new GroupResponse(view.group().id().toString(), view.group().name(),
                    List.copyOf(view.services()), view.group().rateLimitPerMinute().orElse(null),
                    Timestamps.format(view.group().createdAt()));
        }
    }

    record GroupPage(List<GroupResponse> items, String nextCursor) {
    }

    record ServicesResponse(List<String> services) {

        static ServicesResponse of(Set<String> services) {
            return new ServicesResponse(List.copyOf(services));
        }
    }

    private final GroupAdministration groups;
    private final long maxBodyBytes;

    GroupRoutes(UseCases useCases, HttpSettings settings) {
        this.groups = useCases.groupAdministration();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void list(Context ctx) {
        int limit = Paging.limit(ctx);
        Optional<GroupAdministration.Cursor> after = Paging.cursor(ctx)
                .map(position -> new GroupAdministration.Cursor(position.createdAt(), new GroupId(position.id())));

        Page<GroupAdministration.GroupView, GroupAdministration.Cursor> page = groups.list(Callers.of(ctx), after,
                limit);

        List<GroupResponse> items = page.items().stream().map(GroupResponse::of).toList();
        String nextCursor = page.nextCursor()
                .map(cursor -> Paging.encode(cursor.createdAt(), cursor.id().value()))
                .orElse(null);
        Envelope.success(ctx, 200, new GroupPage(items, nextCursor));
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String name = body.requiredString("name");
        Optional<List<String>> services = body.optionalStringList("services");
        Optional<Integer> rateLimitPerMinute = body.optionalInteger("rate_limit_per_minute");
        body.validate();

        Envelope.success(ctx, 201, GroupResponse.of(groups.create(Callers.of(ctx), name, services,
                rateLimitPerMinute)));
    }

    void show(Context ctx) {
        Envelope.success(ctx, 200, GroupResponse.of(groups.show(Callers.of(ctx), groupId(ctx))));
    }

    void update(Context ctx) {
        GroupId groupId = groupId(ctx);
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        Optional<String> name = body.optionalString("name");
        Optional<Optional<Integer>> rateLimitPerMinute = body.nullableInteger("rate_limit_per_minute");
        body.validate();

        Envelope.success(ctx, 200, GroupResponse.of(groups.update(Callers.of(ctx), groupId, name,
                rateLimitPerMinute)));
    }

    void delete(Context ctx) {
        groups.delete(Callers.of(ctx), groupId(ctx));
        Envelope.noContent(ctx);
    }

    void services(Context ctx) {
        Envelope.success(ctx, 200, ServicesResponse.of(groups.services(Callers.of(ctx), groupId(ctx))));
    }

    void setServices(Context ctx) {
        GroupId groupId = groupId(ctx);
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        List<String> services = body.requiredStringList("services");
        body.validate();

        Envelope.success(ctx, 200, ServicesResponse.of(groups.setServices(Callers.of(ctx), groupId, services)));
    }

    private static GroupId groupId(Context ctx) {
        return PathIds.parse(ctx, "id", GroupId::new, "Group");
    }
}
