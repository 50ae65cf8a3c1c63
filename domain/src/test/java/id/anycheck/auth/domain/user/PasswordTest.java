package id.anycheck.auth.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordTest {

    /** U+1F600, a single code point outside the Basic Multilingual Plane (two UTF-16 chars). */
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void chooseAcceptsMinLength() {
        assertThatNoException().isThrownBy(() -> Password.choose("a".repeat(Password.MIN_LENGTH)));
    }

    @Test
    void chooseAcceptsMaxLength() {
        assertThatNoException().isThrownBy(() -> Password.choose("a".repeat(Password.MAX_LENGTH)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 257, 1000})
    void chooseRejectsLength(int length) {
        String text = "a".repeat(length);

        assertThatIllegalArgumentException().isThrownBy(() -> Password.choose(text));
    }

    @Test
    void chooseRejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Password.choose(null));
    }

    @Test
    void emojiCountsAsOne() {
        assertThatNoException().isThrownBy(() -> Password.choose(EMOJI.repeat(8)));
        assertThatIllegalArgumentException().isThrownBy(() -> Password.choose(EMOJI.repeat(7)));
    }

    @Test
    void astralCharsAtMaxLength() {
        assertThatNoException().isThrownBy(() -> Password.choose(EMOJI.repeat(Password.MAX_LENGTH)));
        assertThatIllegalArgumentException().isThrownBy(() -> Password.choose(EMOJI.repeat(Password.MAX_LENGTH + 1)));
    }

    @Test
    void lengthCountedAfterNfkc() {
        // U+FB01 (the "fi" ligature) becomes the two letters "fi" under NFKC.
        String fourLigatures = "\uFB01".repeat(4);

        assertThatNoException().isThrownBy(() -> Password.choose(fourLigatures));
    }

    @Test
    void presentedNormalizesFullWidth() {
        Password fullWidth = Password.presented("ｐａｓｓｗｏｒｄ１");
        Password ascii = Password.presented("password1");

        assertThat(fullWidth.utf8Bytes()).isEqualTo(ascii.utf8Bytes());
    }

    @Test
    void utf8BytesEncodesText() {
        Password password = Password.presented("pässwörd");

        assertThat(password.utf8Bytes()).isEqualTo("pässwörd".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "      leading and trailing spaces kept      "})
    void presentedAcceptsAnyText(String text) {
        assertThatNoException().isThrownBy(() -> Password.presented(text));
    }

    @Test
    void presentedKeepsSpaces() {
        Password password = Password.presented("  secret  ");

        assertThat(password.utf8Bytes()).isEqualTo("  secret  ".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void presentedRejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Password.presented(null));
    }

    @Test
    void toStringHidesText() {
        Password password = Password.choose("correct horse battery staple");

        assertThat(password.toString()).doesNotContain("correct");
        assertThat(password.toString()).doesNotContain("staple");
    }

    @Test
    void isLongerThanCountsCodePoints() {
        Password password = Password.presented(EMOJI.repeat(3));

        assertThat(password.isLongerThan(3)).isFalse();
        assertThat(password.isLongerThan(2)).isTrue();
    }

    @Test
    void clearZeroesBytes() {
        byte[] bytes = Password.presented("secret").utf8Bytes();

        Password.clear(bytes);

        assertThat(bytes).containsOnly(0);
    }
}
