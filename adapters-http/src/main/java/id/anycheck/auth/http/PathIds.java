package id.anycheck.auth.http;

import id.anycheck.auth.domain.Ids;
import id.anycheck.auth.domain.error.NotFoundException;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.Function;

/** Parses ids in paths. A value that is not an id names nothing, so it is 404 like an unknown id. */
final class PathIds {

    private PathIds() {
    }

    static <T> T parse(Context ctx, String parameter, Function<UUID, T> idType, String resource) {
        try {
            return idType.apply(Ids.parseUuid(ctx.pathParam(parameter)));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(resource + " not found.");
        }
    }
}
