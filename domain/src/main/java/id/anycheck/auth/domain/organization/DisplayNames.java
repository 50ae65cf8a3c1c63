package id.anycheck.auth.domain.organization;

import java.text.Normalizer;

/** Validation of the human-readable names of organizations, groups and users. */
public final class DisplayNames {

    public static final int MAX_LENGTH = 200;

    private DisplayNames() {
    }

    /**
     * Returns the name trimmed and NFKC-normalized.
     *
     * @throws IllegalArgumentException if it is blank, longer than {@value #MAX_LENGTH}
     *     characters or contains control characters
     */
    public static String requireValid(String name, String what) {
        if (name == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_LENGTH + " characters");
        }
        if (normalized.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return normalized;
    }
}
