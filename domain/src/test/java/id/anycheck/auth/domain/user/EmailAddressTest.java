package id.anycheck.auth.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void parseTrims() {
        EmailAddress email = EmailAddress.parse("  ana@example.com\t");

        assertThat(email.value()).isEqualTo("ana@example.com");
    }

    @Test
    void parseNormalizesFullWidthLetters() {
        EmailAddress email = EmailAddress.parse("ａｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ");

        assertThat(email.value()).isEqualTo("ana@example.com");
    }

    @Test
    void valueKeepsCase() {
        EmailAddress email = EmailAddress.parse("Ana@Example.com");

        assertThat(email.value()).isEqualTo("Ana@Example.com");
        assertThat(email).hasToString("Ana@Example.com");
    }

    @Test
    void lookupKeyIsLowerCase() {
        EmailAddress email = EmailAddress.parse("Ana@Example.COM");

        assertThat(email.lookupKey()).isEqualTo("ana@example.com");
    }

    @Test
    void equalityIgnoresCase() {
        EmailAddress mixedCase = EmailAddress.parse("Ana@Example.com");
        EmailAddress lowerCase = EmailAddress.parse("ana@example.com");

        assertThat(mixedCase).isEqualTo(lowerCase);
        assertThat(mixedCase).hasSameHashCodeAs(lowerCase);
    }

    @Test
    void differentAddressesDiffer() {
        assertThat(EmailAddress.parse("ana@example.com")).isNotEqualTo(EmailAddress.parse("bob@example.com"));
    }

    @Test
    void fullWidthEqualsAscii() {
        assertThat(EmailAddress.parse("ＡＮＡ＠ｅｘａｍｐｌｅ．ｃｏｍ")).isEqualTo(EmailAddress.parse("ana@example.com"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void rejectsBlank(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ana.example.com",
            "@example.com",
            "ana@",
            "ana@@example.com",
            "ana@mail@example.com",
            "ana maria@example.com",
            "ana@exa mple.com",
            "ana\u0000@example.com",
            "ana@example.com\u0007x",
            "ana\u007f@example.com"})
    void rejectsMalformed(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text));
    }

    @Test
    void acceptsMaxLength() {
        String text = "a".repeat(EmailAddress.MAX_LENGTH - "@example.com".length()) + "@example.com";

        assertThat(EmailAddress.parse(text).value()).hasSize(EmailAddress.MAX_LENGTH);
    }

    @Test
    void rejectsOverMaxLength() {
        String text = "a".repeat(EmailAddress.MAX_LENGTH + 1 - "@example.com".length()) + "@example.com";

        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text));
    }

    @Test
    void lengthCountedAfterTrim() {
        String text = "a".repeat(EmailAddress.MAX_LENGTH - "@example.com".length()) + "@example.com";

        assertThat(EmailAddress.parse("   " + text + "   ").value()).isEqualTo(text);
    }

    @Test
    void lowerCaseFormMustFitToo() {
        String dottedCapitalI = "\u0130".repeat(125) + "@x.example";

        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(dottedCapitalI));
    }
}
