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
    public static String requireValid(String name, String fieldLabel) {
        if (name == null) {
            throw new IllegalArgumentException(fieldLabel + " is required");
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException(fieldLabel + " must not be blank");
        }
        if (normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException(fieldLabel + " must be at most " + MAX_LENGTH + " characters");
        }
        if (normalized.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(fieldLabel + " must not contain control characters");
        }
        return normalized;
    }
}
