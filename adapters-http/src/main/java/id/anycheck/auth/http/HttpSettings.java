package id.anycheck.auth.http;

import java.util.Objects;

/**
 * @param maxBodyBytes largest request body accepted; larger ones get 413 PAYLOAD_TOO_LARGE
 * @param trustedProxies the proxies whose X-Forwarded-For header names the client address
 * @param rateLimitDraftFields whether responses carry the IETF draft's RateLimit-Policy and
 *     RateLimit fields beside the X-RateLimit-* headers
 */
public record HttpSettings(long maxBodyBytes, TrustedProxies trustedProxies, boolean rateLimitDraftFields) {

    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the maximum body size must be at least 1024 bytes");
        }
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Creates settings that trust no proxy and send the draft rate limit fields. */
    public HttpSettings(long maxBodyBytes) {
        this(maxBodyBytes, TrustedProxies.NONE, true);
    }
}
