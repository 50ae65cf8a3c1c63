package id.anycheck.auth.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecoveryCodeTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void generatedCodeIsShownInTwoGroups() {
        String displayed = RecoveryCode.generate(RANDOM).display();

        assertThat(displayed).matches("[A-Z2-7]{5}-[A-Z2-7]{5}");
    }

    @Test
    void parseIgnoresCaseSpacesAndHyphens() {
        RecoveryCode code = RecoveryCode.generate(RANDOM);
        String typed = " " + code.display().toLowerCase(Locale.ROOT).replace("-", " ") + " ";

        assertThat(RecoveryCode.parse(typed).orElseThrow().hash()).isEqualTo(code.hash());
    }

    @Test
    void parseRejectsOtherText() {
        assertThat(RecoveryCode.parse(null)).isEmpty();
        assertThat(RecoveryCode.parse("")).isEmpty();
        assertThat(RecoveryCode.parse("ABCDE-FGH2")).isEmpty();
        assertThat(RecoveryCode.parse("ABCDE-FGH218")).isEmpty();
        assertThat(RecoveryCode.parse("ABCDE-FGH01")).isEmpty();
        assertThat(RecoveryCode.parse("A".repeat(100))).isEmpty();
    }

    @Test
    void hashIsHexSha256() {
        assertThat(RecoveryCode.generate(RANDOM).hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void toStringHidesCode() {
        RecoveryCode code = RecoveryCode.generate(RANDOM);

        assertThat(code.toString()).doesNotContain(code.display().substring(0, 5));
    }
}
