package id.anycheck.auth.domain.user;

import id.anycheck.auth.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a user. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws IllegalArgumentException otherwise. */
    public static UserId parse(String text) {
        return new UserId(Ids.parseUuid(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
