package id.anycheck.auth.domain.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The challenge a login returns when the user has MFA on: proof that the password was right,
 * exchanged for tokens together with a second factor. It has 256 random bits, lives five
 * minutes, works once and allows {@link #MAX_ATTEMPTS} codes. Only its SHA-256 {@link #hash()}
 * is stored.
 */
public final class MfaToken {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Codes that one token accepts for checking, right or wrong, before it is spent. */
    public static final int MAX_ATTEMPTS = 5;

    private static final int RANDOM_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private MfaToken(String value) {
        this.value = value;
    }

    /** Draws a new token from the given CSPRNG. */
    public static MfaToken generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new MfaToken(ENCODER.encodeToString(bytes));
    }

    /** Wraps a token presented by a client. */
    public static MfaToken of(String value) {
        Objects.requireNonNull(value, "value");
        return new MfaToken(value);
    }

    /** Returns the text given to the client. */
    public String value() {
        return value;
    }

    /** Returns the lower-case hex SHA-256 of the token, the only form that is stored. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MfaToken[redacted]";
    }
}
