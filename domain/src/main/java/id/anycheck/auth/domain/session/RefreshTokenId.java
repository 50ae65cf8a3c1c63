package id.anycheck.auth.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret identifier inside a refresh token. Only its SHA-256 {@link #hash()} is stored: the
 * identifier has 256 random bits, so a fast unsalted hash cannot be reversed, and a stolen
 * database yields no usable refresh token.
 */
public final class RefreshTokenId {

    private static final int RANDOM_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private RefreshTokenId(String value) {
        this.value = value;
    }

    /** Draws a new identifier with 256 bits from the given CSPRNG. */
    public static RefreshTokenId generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new RefreshTokenId(ENCODER.encodeToString(bytes));
    }

    /** Wraps the identifier read from a verified refresh token. */
    public static RefreshTokenId of(String value) {
        Objects.requireNonNull(value, "value");
        return new RefreshTokenId(value);
    }

    /** Returns the text placed in the token's {@code jti} claim. */
    public String value() {
        return value;
    }

    /** Returns the lower-case hex SHA-256 of the identifier, the only form that is stored. */
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
        return "RefreshTokenId[redacted]";
    }
}
