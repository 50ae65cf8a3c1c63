package id.anycheck.auth.domain.mfa;

import java.time.Duration;
import java.time.Instant;

/**
 * The TOTP time steps of RFC 6238: 30-second intervals counted from the Unix epoch. A code is
 * accepted from the current step and from one step on either side, so that a clock up to
 * about 30 seconds off, or a code typed just as it changes, still works.
 */
public final class TimeStep {

    public static final Duration LENGTH = Duration.ofSeconds(30);
    /** Steps accepted on either side of the current one. */
    public static final int ACCEPTED_DRIFT = 1;

    private TimeStep() {
    }

    /** Returns the number of the step that contains the instant. */
    public static long at(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), LENGTH.toSeconds());
    }

    /** Returns the instant at which the step begins. */
    public static Instant start(long step) {
        return Instant.ofEpochSecond(step * LENGTH.toSeconds());
    }
}
