package id.anycheck.auth.domain.error;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when a login is refused before its password is checked, because failed logins locked
 * its email (from this client or everywhere) or its client address.
 */
public final class LoginLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean clientLocked;

    /**
     * @param clientLocked whether the client address is locked for every email, rather than the email
     * @param detail internal detail for logs only
     */
    public LoginLockedException(Duration retryAfter, boolean clientLocked, String detail) {
        super(detail, null, false, false);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.clientLocked = clientLocked;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean clientLocked() {
        return clientLocked;
    }
}
