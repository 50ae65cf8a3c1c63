package id.anycheck.auth.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNamesTest {

    @Test
    void requireValidTrims() {
        assertThat(DisplayNames.requireValid("  Acme Bank  ", "name")).isEqualTo("Acme Bank");
    }

    @Test
    void requireValidNormalizesNfkc() {
        assertThat(DisplayNames.requireValid("Ａｃｍｅ", "name")).isEqualTo("Acme");
    }

    @Test
    void keepsInnerSpacesAndNonLatin() {
        assertThat(DisplayNames.requireValid("Bank Négara Ñ 銀行", "name")).isEqualTo("Bank Négara Ñ 銀行");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void rejectsBlank(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> DisplayNames.requireValid(name, "name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\u0000Bank", "Acme\nBank", "Acme\tBank", "Acme\u007fBank", "Acme\u0085Bank"})
    void rejectsControlCharacters(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> DisplayNames.requireValid(name, "name"));
    }

    @Test
    void acceptsMaxLength() {
        String name = "a".repeat(DisplayNames.MAX_LENGTH);

        assertThat(DisplayNames.requireValid(name, "name")).isEqualTo(name);
    }

    @Test
    void rejectsOverMaxLength() {
        String name = "a".repeat(DisplayNames.MAX_LENGTH + 1);

        assertThatIllegalArgumentException().isThrownBy(() -> DisplayNames.requireValid(name, "name"));
    }

    @Test
    void lengthCountsCodePoints() {
        // U+1F600 is one code point made of two UTF-16 chars.
        String name = "\uD83D\uDE00".repeat(DisplayNames.MAX_LENGTH);

        assertThat(DisplayNames.requireValid(name, "name")).isEqualTo(name);
    }

    @Test
    void messageNamesField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DisplayNames.requireValid(" ", "group name"))
                .withMessageStartingWith("group name ");
    }
}
