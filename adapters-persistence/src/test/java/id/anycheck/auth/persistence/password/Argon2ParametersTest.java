package id.anycheck.auth.persistence.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2ParametersTest {

    @Test
    void owaspIsCheatSheetMinimum() {
        assertThat(Argon2Parameters.OWASP).isEqualTo(new Argon2Parameters(19456, 2, 1));
    }

    @ParameterizedTest
    @CsvSource({
        "8, 1, 1", // the minimum: 8 KiB for one lane
        "128, 1, 16", // 8 KiB for each of the maximum 16 lanes
        "262144, 16, 16", // every maximum
    })
    void constructorAcceptsBounds(int memoryKiB, int iterations, int parallelism) {
        assertThatCode(() -> new Argon2Parameters(memoryKiB, iterations, parallelism)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
        "7, 1, 1",
        "127, 1, 16",
        "262145, 1, 1",
        "64, 0, 1",
        "64, 17, 1",
        "64, 1, 0",
        "136, 1, 17",
        "-1, 1, 1",
    })
    void constructorRejectsValuesOutsideBounds(int memoryKiB, int iterations, int parallelism) {
        assertThatThrownBy(() -> new Argon2Parameters(memoryKiB, iterations, parallelism))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
