package id.anycheck.auth.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeStepTest {

    @Test
    void stepsAreThirtySecondsFromEpoch() {
        assertThat(TimeStep.at(Instant.EPOCH)).isZero();
        assertThat(TimeStep.at(Instant.ofEpochSecond(29))).isZero();
        assertThat(TimeStep.at(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(TimeStep.at(Instant.ofEpochSecond(59))).isEqualTo(1);
    }

    @Test
    void startIsFirstSecondOfStep() {
        long step = TimeStep.at(Instant.parse("2026-12-04T10:00:17Z"));

        assertThat(TimeStep.start(step)).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void rfc6238TestVectorStep() {
        // RFC 6238 appendix B: T = 1111111109 gives the step 0x023523EC.
        assertThat(TimeStep.at(Instant.ofEpochSecond(1_111_111_109L))).isEqualTo(0x023523ECL);
    }
}
