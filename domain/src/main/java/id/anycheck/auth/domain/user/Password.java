package id.anycheck.auth.domain.user;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A plaintext password, NFKC-normalized so that the same password typed on different keyboards
 * hashes alike. Its {@link #toString()} never reveals the text.
 */
public final class Password {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private final String text;

    private Password(String text) {
        this.text = text;
    }

    /**
     * Accepts a new password: 8 to 256 characters (Unicode code points, counted after NFKC
     * normalization), any characters allowed.
     *
     * @throws IllegalArgumentException if the length is outside those bounds
     */
    public static Password choose(String text) {
        Password password = presented(text);
        int length = password.text.codePointCount(0, password.text.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        return password;
    }

    /**
     * Wraps a password presented at login. No length policy applies here, because a login
     * must reach the hash comparison so that its timing does not depend on the policy.
     */
    public static Password presented(String text) {
        if (text == null) {
            throw new IllegalArgumentException("password is required");
        }
        return new Password(Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    /** Returns the UTF-8 bytes of the normalized password; the caller should clear them after use. */
    public byte[] utf8Bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns whether the normalized password has more than {@code maxLength} code points. */
    public boolean isLongerThan(int maxLength) {
        return text.codePointCount(0, text.length()) > maxLength;
    }

    /** Overwrites a byte array that held password bytes. */
    public static void clear(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
