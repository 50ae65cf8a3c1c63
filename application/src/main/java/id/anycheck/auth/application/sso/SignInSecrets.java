package id.anycheck.auth.application.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random values of one single sign-on: the {@code state} that ties the callback to this
 * service, the {@code nonce} that ties the ID token to the request, and the PKCE verifier that
 * ties the code to the request. Each has 256 random bits in base64url, 43 characters.
 */
record SignInSecrets(String state, String nonce, String codeVerifier) {

    private static final int RANDOM_BYTES = 32;

    static SignInSecrets generate(SecureRandom random) {
        return new SignInSecrets(randomText(random), randomText(random), randomText(random));
    }

    /** Returns the PKCE S256 challenge of the verifier: base64url of its SHA-256, without padding. */
    String codeChallenge() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(codeVerifier));
    }

    /** Returns the lower-case hex SHA-256 of a state, the form in which it is stored and looked up. */
    static String hashOfState(String state) {
        return HexFormat.of().formatHex(sha256(state));
    }

    private static String randomText(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SignInSecrets[(redacted)]";
    }
}
