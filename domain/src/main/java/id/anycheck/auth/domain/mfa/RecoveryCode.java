package id.anycheck.auth.domain.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A single-use code that replaces a TOTP code when the authenticator is lost. It is shown
 * as two groups of five characters from the RFC 4648 base32 alphabet ({@code ABCDE-FGH23}),
 * 50 random bits. Only its SHA-256 {@link #hash()} is stored. Guessing is bounded by the few
 * attempts an MFA token allows, so a fast hash is enough online.
 *
 * <p>NOTE: someone with a copy of the database could find a code offline with a large but
 * feasible amount of GPU time, and would then still need the user's password to log in.
 */
public final class RecoveryCode {

    /** Recovery codes issued when a user confirms TOTP enrolment. */
    public static final int COUNT = 10;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int LENGTH = 10;

    /** The ten characters without the separator, upper case. */
    private final String normalized;

    private RecoveryCode(String normalized) {
        this.normalized = normalized;
    }

    /** Draws a new code from the given CSPRNG. */
    public static RecoveryCode generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RecoveryCode(code.toString());
    }

    /**
     * Reads a code as a user typed it: case, spaces and hyphens do not matter. Returns empty for
     * text that cannot be a recovery code.
     */
    public static Optional<RecoveryCode> parse(String text) {
        if (text == null || text.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        String normalized = text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (normalized.length() != LENGTH || !normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new RecoveryCode(normalized));
    }

    /** Returns the code as shown to the user, such as {@code ABCDE-FGH23}. */
    public String display() {
        return normalized.substring(0, LENGTH / 2) + "-" + normalized.substring(LENGTH / 2);
    }

    /** Returns the lower-case hex SHA-256 of the normalized code, the only form that is stored. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RecoveryCode[redacted]";
    }
}
