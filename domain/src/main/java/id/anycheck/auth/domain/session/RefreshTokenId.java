package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.Digests;
import java.security.SecureRandom;
import java.util.Base64;
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
        return Digests.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "RefreshTokenId[redacted]";
    }
}
