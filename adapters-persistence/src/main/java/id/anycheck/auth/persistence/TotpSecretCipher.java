package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.user.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts TOTP secrets for storage with AES-256-GCM. Each secret gets a random 96-bit nonce,
 * and the user id is authenticated with it, so a ciphertext copied to another user's row does
 * not decrypt. The stored text is {@code v1.} followed by the base64 of nonce, ciphertext and
 * 128-bit tag. Thread-safe: each call creates its own {@link Cipher}.
 */
public final class TotpSecretCipher {

    public static final int KEY_BYTES = 32;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String FORMAT_PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public TotpSecretCipher(byte[] key, SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the MFA encryption key must be " + KEY_BYTES + " bytes, not "
                    + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    String encrypt(UserId userId, TotpSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plaintext = secret.bytes();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, userId);
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] stored = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
            return FORMAT_PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * @throws IllegalStateException if the text was not encrypted with this key for this user,
     *     which usually means ANYCHECK_MFA_ENCRYPTION_KEY changed
     */
    TotpSecret decrypt(UserId userId, String stored) {
        if (!stored.startsWith(FORMAT_PREFIX)) {
            throw new IllegalStateException("the stored TOTP secret of user " + userId + " has an unknown format");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(FORMAT_PREFIX.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), userId);
            byte[] plaintext = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            try {
                return TotpSecret.of(plaintext);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the stored TOTP secret of user " + userId + " does not decrypt with the"
                    + " current MFA encryption key; was ANYCHECK_MFA_ENCRYPTION_KEY changed?", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UserId userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(userId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    @Override
    public String toString() {
        return "TotpSecretCipher[key=redacted]";
    }
}
