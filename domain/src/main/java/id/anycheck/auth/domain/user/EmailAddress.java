package id.anycheck.auth.domain.user;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Email address of a user, trimmed and NFKC-normalized. Two addresses are equal when their
 * {@link #lookupKey()} is equal, so {@code Ana@Example.com} and {@code ana@example.com} name the
 * same user.
 */
public final class EmailAddress {

    /** Maximum length in UTF-16 units: the RFC 5321 path limit of 256 less the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private final String value;
    private final String lookupKey;

    private EmailAddress(String value) {
        this.value = value;
        this.lookupKey = value.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an address as a person typed it.
     *
     * @throws IllegalArgumentException if it is not of the form local@domain, is longer than
     *     {@value #MAX_LENGTH} characters or contains white space or control characters
     */
    public static EmailAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("email is required");
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("email must not be blank");
        }
        // Lower-casing can lengthen text (U+0130 becomes two characters), and the lookup key is
        // stored too, so both forms must fit. Lengths count UTF-16 units, as the columns do.
        if (normalized.length() > MAX_LENGTH || normalized.toLowerCase(Locale.ROOT).length() > MAX_LENGTH) {
            throw new IllegalArgumentException("email must be at most " + MAX_LENGTH + " characters");
        }
        if (normalized.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("email must not contain spaces or control characters");
        }
        int at = normalized.lastIndexOf('@');
        if (at <= 0 || at == normalized.length() - 1 || normalized.indexOf('@') != at) {
            throw new IllegalArgumentException("email must be an address of the form name@domain");
        }
        return new EmailAddress(normalized);
    }

    /** Returns the address as the user entered it, after trimming and NFKC normalization. */
    public String value() {
        return value;
    }

    /** Returns the case-insensitive form under which the address is unique and looked up. */
    public String lookupKey() {
        return lookupKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress email && email.lookupKey.equals(lookupKey);
    }

    @Override
    public int hashCode() {
        return lookupKey.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
