package id.anycheck.auth.http;

import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitState;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a rate limit decision as response headers: {@code X-RateLimit-Limit} (requests per
 * window), {@code X-RateLimit-Remaining} (requests left in the window) and
 * {@code X-RateLimit-Reset} (Unix epoch seconds when the window ends, rounded up) for the counter
 * closest to exhaustion; {@code Retry-After} (whole seconds, at least 1) on a rejection; and,
 * when enabled, the {@code RateLimit-Policy} and {@code RateLimit} structured fields of the IETF
 * draft (draft-ietf-httpapi-ratelimit-headers-10) for every counter. Thread-safe.
 */
final class RateLimitHeaders {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    static final String POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";

    private final boolean draftFields;

    RateLimitHeaders(boolean draftFields) {
        this.draftFields = draftFields;
    }

    /**
     * Writes the headers. It adds them rather than setting them, which spares Jetty a search for
     * an earlier value, so call it once per response.
     */
    void write(Context ctx, RateLimitDecision decision) {
        HttpServletResponse response = ctx.res();
        RateLimitState reported = decision.closestToExhaustion();
        response.addHeader(LIMIT, Integer.toString(reported.limit()));
        response.addHeader(REMAINING, Integer.toString(reported.remaining()));
        response.addHeader(RESET, Long.toString(epochSecondsRoundedUp(reported.resetAt())));
        if (!decision.allowed()) {
            response.addHeader(RETRY_AFTER, Long.toString(Math.max(1, secondsRoundedUp(reported.resetAfter()))));
        }

        if (draftFields) {
            StringBuilder policies = new StringBuilder();
            StringBuilder states = new StringBuilder();
            for (RateLimitState state : decision.states()) {
                if (policies.length() > 0) {
                    policies.append(", ");
                    states.append(", ");
                }
                String name = policyName(state);
                policies.append(name).append(";q=").append(state.limit())
                        .append(";w=").append(secondsRoundedUp(state.window()));
                states.append(name).append(";r=").append(state.remaining())
                        .append(";t=").append(secondsRoundedUp(state.resetAfter()));
            }
            response.addHeader(POLICY, policies.toString());
            response.addHeader(RATE_LIMIT, states.toString());
        }
    }

    /** Returns the policy's name as a structured-field string, such as {@code "organization"}. */
    private static String policyName(RateLimitState state) {
        return "\"" + state.key().scope().externalName() + "\"";
    }

    private static long epochSecondsRoundedUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static long secondsRoundedUp(Duration duration) {
        return duration.getNano() == 0 ? duration.getSeconds() : duration.getSeconds() + 1;
    }
}
