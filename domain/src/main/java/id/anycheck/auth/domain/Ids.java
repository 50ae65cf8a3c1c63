package id.anycheck.auth.domain;

import java.util.UUID;

/** Parsing shared by the UUID-backed identifiers of the domain. */
public final class Ids {

    private Ids() {
    }

    /**
     * Parses a UUID in its canonical 36-character form.
     *
     * @throws IllegalArgumentException if the text is not a canonical UUID
     */
    public static UUID parseUuid(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("not a UUID: expected 36 characters");
        }
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return uuid;
    }
}
