package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a session. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws IllegalArgumentException otherwise. */
    public static SessionId parse(String text) {
        return new SessionId(Ids.parseUuid(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
