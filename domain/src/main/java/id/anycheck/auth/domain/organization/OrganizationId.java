package id.anycheck.auth.domain.organization;

import id.anycheck.auth.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a organization. */
public record OrganizationId(UUID value) {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws IllegalArgumentException otherwise. */
    public static OrganizationId parse(String text) {
        return new OrganizationId(Ids.parseUuid(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
