package id.anycheck.auth.domain.apikey;

import java.util.Locale;

/** State of an API key at a given instant, derived from its timestamps. */
public enum ApiKeyStatus {
    /** The key works. */
    ACTIVE,
    /** The key was rotated and works until the end of its grace period. */
    ROTATED,
    /** The key is past its expiry, or past the grace period of a rotation. */
    EXPIRED,
    /** The key was revoked and stopped working at once. */
    REVOKED;

    /** Returns the lower-case name used in JSON. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
