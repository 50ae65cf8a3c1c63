package id.anycheck.auth.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanLimitsTest {

    @Test
    void defaultsArePerMinuteLimits() {
        assertThat(PlanLimits.DEFAULT.limitOf(Plan.STARTER)).isEqualTo(60);
        assertThat(PlanLimits.DEFAULT.limitOf(Plan.BUSINESS)).isEqualTo(600);
        assertThat(PlanLimits.DEFAULT.limitOf(Plan.ENTERPRISE)).isEqualTo(6_000);
    }

    @Test
    void parseReadsEveryPlan() {
        PlanLimits limits = PlanLimits.parse(" starter = 10 , Business=20,ENTERPRISE=30 ");

        assertThat(limits.requestsPerMinute())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Plan.STARTER, 10, Plan.BUSINESS, 20, Plan.ENTERPRISE, 30));
    }

    @Test
    void parseKeepsDefaultsOfPlansLeftOut() {
        PlanLimits limits = PlanLimits.parse("business=1200");

        assertThat(limits.limitOf(Plan.BUSINESS)).isEqualTo(1200);
        assertThat(limits.limitOf(Plan.STARTER)).isEqualTo(60);
        assertThat(limits.limitOf(Plan.ENTERPRISE)).isEqualTo(6_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "starter", "starter=", "starter=ten", "gold=5", "starter=0", "starter=-1",
            "starter=10000001", "starter=5,,business=6", "starter=5=6"})
    void parseRejectsInvalidText(String text) {
        assertThatThrownBy(() -> PlanLimits.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseNamesUnknownPlan() {
        assertThatThrownBy(() -> PlanLimits.parse("gold=5"))
                .hasMessageContaining("'gold'")
                .hasMessageContaining("starter, business and enterprise");
    }

    @Test
    void groupQuotaMustBePositive() {
        OrganizationId organization = OrganizationId.random();
        Instant createdAt = Instant.parse("2026-12-04T10:00:00Z");

        assertThatThrownBy(() -> new Group(GroupId.random(), organization, "Zero", Optional.of(0), createdAt))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Group(GroupId.random(), organization, "Huge", Optional.of(1_000_001), createdAt))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Group(GroupId.random(), organization, "One", Optional.of(1), createdAt).rateLimitPerMinute())
                .contains(1);
    }
}
