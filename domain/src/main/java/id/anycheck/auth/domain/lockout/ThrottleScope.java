package id.anycheck.auth.domain.lockout;

import java.util.Locale;

/** Owner of a failed-login count. The external names are stored: add, never rename. */
public enum ThrottleScope {
    /** One email tried from one client address (one /64 network for IPv6). */
    EMAIL_AND_CLIENT,
    /** One email, tried from any client address. */
    EMAIL,
    /** One client address, counting the distinct emails that failed from it. */
    CLIENT;

    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
