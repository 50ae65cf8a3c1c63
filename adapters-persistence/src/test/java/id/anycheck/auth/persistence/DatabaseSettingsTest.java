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

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/anycheck", "jdbc:postgresql://a:1,b:2/anycheck?ssl=true",
        "jdbc:h2:mem:anycheck;DB_CLOSE_DELAY=-1", "jdbc:h2:file:./data/anycheck"})
    void urlProblemAcceptsSupportedUrls(String url) {
        assertThat(DatabaseSettings.urlProblem(url)).isEmpty();
    }

    @Test
    void urlProblemNamesUnsupportedDatabase() {
        assertThat(DatabaseSettings.urlProblem("jdbc:mysql://127.0.0.1/anycheck"))
                .hasValue("must start with jdbc:h2: or jdbc:postgresql:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:port/anycheck", "jdbc:postgresql://127.0.0.1:99999/anycheck"})
    void urlProblemNamesMalformedPostgresUrl(String url) {
        assertThat(DatabaseSettings.urlProblem(url)).hasValue("is not a valid PostgreSQL JDBC URL");
    }

    @Test
    void locationOfPostgresOmitsCredentialsAndOptions() {
        var settings = new DatabaseSettings("jdbc:postgresql://db.example:6543,db2.example/anycheck?password=secret",
                "owner", "other-secret", 1, TIMEOUT);

        assertThat(settings.location()).isEqualTo("PostgreSQL database anycheck on db.example:6543,db2.example:5432");
    }

    @Test
    void locationOfH2OmitsOptions() {
        var settings = new DatabaseSettings("jdbc:h2:file:./data/anycheck;PASSWORD=secret", "sa", "", 1, TIMEOUT);

        assertThat(settings.location()).isEqualTo("H2 file:./data/anycheck");
    }
}
