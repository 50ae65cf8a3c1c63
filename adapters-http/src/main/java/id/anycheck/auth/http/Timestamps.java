package id.anycheck.auth.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps in responses: ISO-8601 UTC with whole seconds, such as {@code 2026-12-04T19:14:00Z}. */
final class Timestamps {

    private Timestamps() {
    }

    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
