package id.anycheck.auth.domain.verification;

import id.anycheck.auth.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a verification. */
public record VerificationId(UUID value) {

    public VerificationId {
        Objects.requireNonNull(value, "value");
    }

    public static VerificationId random() {
        return new VerificationId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws IllegalArgumentException otherwise. */
    public static VerificationId parse(String text) {
        return new VerificationId(Ids.parseUuid(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
