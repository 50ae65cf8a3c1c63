package id.anycheck.auth.domain.apikey;

import id.anycheck.auth.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of an API key. */
public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws IllegalArgumentException otherwise. */
    public static ApiKeyId parse(String text) {
        return new ApiKeyId(Ids.parseUuid(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
