package id.anycheck.auth.http.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An HS256 secret and the key id ({@code kid}) that names it in token headers.
 *
 * @param keyId public name of the key; {@link #fromSecret} derives it from the secret so that
 *     every instance configured with the same secret agrees on it
 */
public record SigningKey(String keyId, byte[] secret) {

    /** RFC 7518 requires an HMAC key at least as long as the hash output: 32 bytes for HS256. */
    public static final int MIN_SECRET_BYTES = 32;

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        secret = secret.clone();
    }

    /** Names the key by the first 16 hex digits of SHA-256 over "kid:" and the secret. */
    public static SigningKey fromSecret(byte[] secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("kid:".getBytes(StandardCharsets.US_ASCII));
            String keyId = HexFormat.of().formatHex(digest.digest(secret)).substring(0, 16);
            return new SigningKey(keyId, secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && key.keyId.equals(keyId) && MessageDigest.isEqual(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", secret=redacted]";
    }
}
