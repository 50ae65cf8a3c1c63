package id.anycheck.auth.domain.organization;

import id.anycheck.auth.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a group. */
public record GroupId(UUID value) {

    public GroupId {
        Objects.requireNonNull(value, "value");
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws IllegalArgumentException otherwise. */
    public static GroupId parse(String text) {
        return new GroupId(Ids.parseUuid(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
