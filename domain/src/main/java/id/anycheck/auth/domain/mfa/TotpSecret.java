package id.anycheck.auth.domain.mfa;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The shared secret of a TOTP authenticator: 160 random bits, the HMAC-SHA-1 key size that
 * RFC 4226 recommends. Its {@link #toString()} never reveals the bytes.
 */
public final class TotpSecret {

    public static final int LENGTH_BYTES = 20;

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Draws a new secret from the given CSPRNG. */
    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH_BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    /** Wraps a stored secret, copying the array. */
    public static TotpSecret of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a TOTP secret must not be empty");
        }
        return new TotpSecret(bytes.clone());
    }

    /** Returns a copy of the key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Compares the key bytes in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret secret && MessageDigest.isEqual(bytes, secret.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
