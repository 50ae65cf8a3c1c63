package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.mfa.TimeStep;
import id.anycheck.auth.domain.mfa.TotpSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JavaOtpTotpGeneratorTest {

    /** The SHA-1 seed of the RFC 6238 test vectors. */
    private static final TotpSecret RFC_SECRET = TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    private final JavaOtpTotpGenerator generator = new JavaOtpTotpGenerator();

    @Test
    void codesMatchRfc6238TestVectors() {
        // RFC 6238 appendix B lists 8 digits; a 6-digit code is the last six of them.
        assertThat(generator.codeAt(RFC_SECRET, TimeStep.at(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(generator.codeAt(RFC_SECRET, TimeStep.at(Instant.ofEpochSecond(1_111_111_109L))))
                .isEqualTo("081804");
        assertThat(generator.codeAt(RFC_SECRET, TimeStep.at(Instant.ofEpochSecond(2_000_000_000L))))
                .isEqualTo("279037");
    }

    @Test
    void base32HasNoPadding() {
        assertThat(generator.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
