package id.anycheck.auth.http;

/** @param maxBodyBytes largest request body accepted; larger ones get 413 PAYLOAD_TOO_LARGE */
public record HttpSettings(long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the maximum body size must be at least 1024 bytes");
        }
    }
}
