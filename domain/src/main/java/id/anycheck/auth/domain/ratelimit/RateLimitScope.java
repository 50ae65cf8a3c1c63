package id.anycheck.auth.domain.ratelimit;

import java.util.Locale;

/** The kind of counter a request limit keeps: per organization, per group or per client address. */
public enum RateLimitScope {
    /** All requests of one organization, limited by its plan. */
    ORGANIZATION,
    /** The requests of one group, limited by the group's own quota. */
    GROUP,
    /** Unauthenticated requests from one client address. */
    CLIENT_IP;

    /** Returns the lower-case name used in response headers and metrics, such as {@code client_ip}. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
