package id.anycheck.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.user.Password;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final PasswordGenerator generator = new PasswordGenerator(new SecureRandom());

    @Test
    void generatesTwentyAlphanumerics() {
        String password = generator.generate();

        assertThat(password).hasSize(20);
        assertThat(password).matches("[0-9A-Za-z]{20}");
    }

    @Test
    void generatedPasswordsDiffer() {
        assertThat(generator.generate()).isNotEqualTo(generator.generate());
    }

    @Test
    void generatedPasswordIsChoosable() {
        Password password = Password.choose(generator.generate());

        assertThat(password.isLongerThan(Password.MAX_LENGTH)).isFalse();
    }

    @Test
    void usesWholeAlphabet() {
        // 1000 passwords draw 20000 characters. The chance that one of the 62 never appears is
        // about 62 * (61/62)^20000, or 4e-140.
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            for (char c : generator.generate().toCharArray()) {
                seen.add(c);
            }
        }

        Set<Character> alphabet = new HashSet<>();
        for (char c : ALPHABET.toCharArray()) {
            alphabet.add(c);
        }
        assertThat(seen).isEqualTo(alphabet);
    }
}
