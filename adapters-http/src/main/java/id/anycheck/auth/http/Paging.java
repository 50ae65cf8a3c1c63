package id.anycheck.auth.http;

import id.anycheck.auth.application.Page;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code limit} and {@code cursor} query parameters of list endpoints. A cursor is opaque to
 * clients: base64url of the last item's creation time and id.
 */
final class Paging {

    /** Position after an item created at {@code createdAt} with this id. */
    record Position(Instant createdAt, UUID id) {
    }

    private Paging() {
    }

    /** @throws ApiException VALIDATION_ERROR unless the limit is absent or a whole number 1 to 100 */
    static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return Page.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= Page.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw ApiException.invalidField("limit", "must be a whole number from 1 to " + Page.MAX_LIMIT);
    }

    /** @throws ApiException VALIDATION_ERROR for a cursor this service did not issue */
    static Optional<Position> cursor(Context ctx) {
        String text = ctx.queryParam("cursor");
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = decoded.indexOf('|');
            if (separator > 0) {
                return Optional.of(new Position(Instant.parse(decoded.substring(0, separator)),
                        UUID.fromString(decoded.substring(separator + 1))));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // Reported below.
        }
        throw ApiException.invalidField("cursor", "is not a cursor returned by this endpoint");
    }

    static String encode(Instant createdAt, UUID id) {
        String text = createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
