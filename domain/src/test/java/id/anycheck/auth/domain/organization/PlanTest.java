package id.anycheck.auth.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanTest {

    @ParameterizedTest
    @CsvSource({
            "starter, STARTER",
            "STARTER, STARTER",
            "Business, BUSINESS",
            "'  enterprise  ', ENTERPRISE"})
    void byNameIgnoresCaseAndSpaces(String name, Plan expected) {
        assertThat(Plan.byName(name)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"free", "premium", "start", "business plan"})
    void byNameUnknownIsEmpty(String name) {
        assertThat(Plan.byName(name)).isEmpty();
    }

    @Test
    void externalNameIsLowerCase() {
        assertThat(Plan.BUSINESS.externalName()).isEqualTo("business");
    }

    @Test
    void externalNameRoundTrips() {
        for (Plan plan : Plan.values()) {
            assertThat(Plan.byName(plan.externalName())).contains(plan);
        }
    }
}
