package id.anycheck.auth.domain.apikey;

import id.anycheck.auth.domain.Digests;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The full text of an API key, as shown once to the customer: {@code ak_<environment>_} followed
 * by a 12-character lookup id and a 43-character secret, all base62. The lookup id is public and
 * indexed, so verifying a key reads one row whatever the number of keys. The secret carries 256
 * bits from a CSPRNG. Its {@link #toString()} never reveals the secret.
 */
public final class PlaintextApiKey {

    public static final int LOOKUP_ID_LENGTH = 12;
    /** 43 base62 characters carry log2(62) * 43 = 256.03 bits. */
    public static final int SECRET_LENGTH = 43;

    private static final String PREFIX = "ak_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final String text;
    private final ApiKeyEnvironment environment;
    private final String lookupId;

    private PlaintextApiKey(String text, ApiKeyEnvironment environment, String lookupId) {
        this.text = text;
        this.environment = environment;
        this.lookupId = lookupId;
    }

    /** Generates a new key for the environment. */
    public static PlaintextApiKey generate(ApiKeyEnvironment environment, SecureRandom random) {
        Objects.requireNonNull(environment, "environment");
        String lookupId = randomBase62(LOOKUP_ID_LENGTH, random);
        String secret = randomBase62(SECRET_LENGTH, random);
        return new PlaintextApiKey(environmentPrefix(environment) + lookupId + secret, environment, lookupId);
    }

    /** Parses a presented key, or returns empty if it does not have the shape of one. */
    public static Optional<PlaintextApiKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ApiKeyEnvironment environment : ApiKeyEnvironment.values()) {
            String prefix = environmentPrefix(environment);
            if (text.length() == prefix.length() + LOOKUP_ID_LENGTH + SECRET_LENGTH
                    && text.startsWith(prefix)
                    && isBase62(text, prefix.length())) {
                String lookupId = text.substring(prefix.length(), prefix.length() + LOOKUP_ID_LENGTH);
                return Optional.of(new PlaintextApiKey(text, environment, lookupId));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the hex SHA-256 of the whole key. A plain fast hash is right here, unlike for
     * passwords: the secret has 256 random bits, so no dictionary or brute force can reverse the
     * hash, and a slow hash would only slow down every API request.
     */
    public String hash() {
        return hashOf(text);
    }

    /** Returns the hex SHA-256 of a text, as {@link #hash()} computes it for a key. */
    public static String hashOf(String text) {
        return Digests.sha256Hex(text);
    }

    /** Returns the key's public part, {@code ak_live_} and the lookup id, which lists show. */
    public String prefix() {
        return prefixOf(environment, lookupId);
    }

    /** Returns the public prefix of a key with this environment and lookup id. */
    public static String prefixOf(ApiKeyEnvironment environment, String lookupId) {
        return environmentPrefix(environment) + lookupId;
    }

    public ApiKeyEnvironment environment() {
        return environment;
    }

    public String lookupId() {
        return lookupId;
    }

    /** Returns the full key, to show once to the customer. Never log it. */
    public String reveal() {
        return text;
    }

    @Override
    public String toString() {
        return prefix() + "...";
    }

    private static String environmentPrefix(ApiKeyEnvironment environment) {
        return PREFIX + environment.externalName() + "_";
    }

    private static String randomBase62(int length, SecureRandom random) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // nextInt(62) rejects out-of-range draws, so every character is uniform.
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static boolean isBase62(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean base62 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!base62) {
                return false;
            }
        }
        return true;
    }
}
