package id.anycheck.auth.domain.ratelimit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Outcome of charging one request to one or more counters: allowed, when every counter had a
 * request left and each was charged, or rejected, when at least one had none and none was
 * charged.
 *
 * @param states every counter's standing after the decision, in the order they were given
 */
public record RateLimitDecision(boolean allowed, List<RateLimitState> states) {

    /** Fewest remaining requests first; among equals, the later reset first. */
    private static final Comparator<RateLimitState> CLOSEST_TO_EXHAUSTION = Comparator
            .comparingInt(RateLimitState::remaining)
            .thenComparing(RateLimitState::resetAt, Comparator.reverseOrder());

    public RateLimitDecision {
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one counter");
        }
        if (!allowed && states.stream().noneMatch(RateLimitState::exhausted)) {
            throw new IllegalArgumentException("a rejection needs an exhausted counter");
        }
    }

    /**
     * Returns the counter closest to exhaustion: the one with the fewest remaining requests and,
     * among those, the one that resets last. After a rejection that is the exhausted counter the
     * client has to wait for longest.
     */
    public RateLimitState closestToExhaustion() {
        return states.stream().min(CLOSEST_TO_EXHAUSTION).orElseThrow();
    }

    /** Returns the scope that rejected the request; throws IllegalStateException if it was allowed. */
    public RateLimitScope rejectedBy() {
        if (allowed) {
            throw new IllegalStateException("the request was allowed");
        }
        return Objects.requireNonNull(closestToExhaustion().key().scope());
    }
}
