package id.anycheck.auth.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void closestToExhaustionHasFewestRemaining() {
        RateLimitState organization = state(RateLimitScope.ORGANIZATION, 600, 100, 30);
        RateLimitState group = state(RateLimitScope.GROUP, 60, 50, 30);

        assertThat(new RateLimitDecision(true, List.of(organization, group)).closestToExhaustion()).isEqualTo(group);
    }

    @Test
    void equalRemainingPrefersLaterReset() {
        RateLimitState organization = state(RateLimitScope.ORGANIZATION, 600, 0, 40);
        RateLimitState group = state(RateLimitScope.GROUP, 60, 0, 10);

        RateLimitDecision decision = new RateLimitDecision(false, List.of(organization, group));

        assertThat(decision.closestToExhaustion()).isEqualTo(organization);
        assertThat(decision.rejectedBy()).isEqualTo(RateLimitScope.ORGANIZATION);
    }

    @Test
    void rejectionNeedsExhaustedCounter() {
        RateLimitState organization = state(RateLimitScope.ORGANIZATION, 600, 5, 40);

        assertThatThrownBy(() -> new RateLimitDecision(false, List.of(organization)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitDecision(true, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitDecision(true, List.of(organization)).rejectedBy())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stateRejectsRemainingAboveLimit() {
        assertThatThrownBy(() -> state(RateLimitScope.GROUP, 5, 6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state(RateLimitScope.GROUP, 5, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RateLimitState state(RateLimitScope scope, int limit, int remaining, int secondsToReset) {
        Duration resetAfter = Duration.ofSeconds(secondsToReset);
        return new RateLimitState(new RateLimitKey(scope, "id"), limit, remaining, Duration.ofMinutes(1),
                NOW.plus(resetAfter), resetAfter);
    }
}
