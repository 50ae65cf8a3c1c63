package id.anycheck.auth.http;

import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitState;
import io.javalin.http.Context;
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

    void write(Context ctx, RateLimitDecision decision) {
        RateLimitState reported = decision.closestToExhaustion();
        ctx.header(LIMIT, Integer.toString(reported.limit()));
        ctx.header(REMAINING, Integer.toString(reported.remaining()));
        ctx.header(RESET, Long.toString(epochSecondsRoundedUp(reported.resetAt())));
        if (!decision.allowed()) {
            ctx.header(RETRY_AFTER, Long.toString(Math.max(1, secondsRoundedUp(reported.resetAfter()))));
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
            ctx.header(POLICY, policies.toString());
            ctx.header(RATE_LIMIT, states.toString());
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
