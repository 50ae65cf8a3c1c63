package id.anycheck.auth.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Optional query parameters of list endpoints, checked with an error that names the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    /** Returns the parameter, or empty when it is absent or empty. */
    static Optional<String> optional(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(value -> !value.isEmpty());
    }

    /** @throws ApiException VALIDATION_ERROR unless the text is an ISO-8601 time with Z or an offset */
    static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be an ISO-8601 time with Z or an offset, such as 2026-12-04T19:14:00Z");
        }
    }
}
