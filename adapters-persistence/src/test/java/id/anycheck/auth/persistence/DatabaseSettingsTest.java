package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void kindOfH2Url() {
        var settings = new DatabaseSettings("jdbc:h2:mem:anycheck", "sa", "", 1, TIMEOUT);

        assertThat(settings.kind()).isEqualTo(DatabaseKind.H2);
    }

    @Test
    void kindOfPostgresUrl() {
        var settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/anycheck", "anycheck", "", 1, TIMEOUT);

        assertThat(settings.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://127.0.0.1/anycheck", "postgresql://127.0.0.1/anycheck", "", "JDBC:H2:mem:x"})
    void kindOfOtherUrlIsRejected(String url) {
        var settings = new DatabaseSettings(url, "sa", "", 1, TIMEOUT);

        assertThatThrownBy(settings::kind).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openRejectsUnsupportedUrl() {
        var settings = new DatabaseSettings("jdbc:mysql://127.0.0.1/anycheck", "sa", "", 1, TIMEOUT);

        assertThatThrownBy(() -> Database.open(settings)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolSizeBelowOneIsRejected() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:anycheck", "sa", "", 0, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringOmitsPassword() {
        var settings = new DatabaseSettings("jdbc:h2:mem:anycheck", "sa", "s3cret-password", 1, TIMEOUT);

        assertThat(settings.toString()).doesNotContain("s3cret-password");
    }
}
