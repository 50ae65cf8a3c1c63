package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading of the ANYCHECK_ENTRA_* variables. */
class SingleSignOnSettingsTest {

    private final Map<String, String> environment = new HashMap<>(Map.of(
            "ANYCHECK_ENTRA_TENANT_ID", "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "ANYCHECK_ENTRA_CLIENT_ID", "client",
            "ANYCHECK_ENTRA_CLIENT_SECRET", "entra-secret",
            "ANYCHECK_ENTRA_REDIRECT_URI", "https://app.example/sso/callback"));

    @Test
    void defaultsPointAtEntra() {
        SingleSignOnConfiguration configuration = read();

        assertThat(configuration.entra().authority())
                .isEqualTo(URI.create("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47"));
        assertThat(configuration.entra().metadataUrl()).isEqualTo(URI.create("https://login.microsoftonline.com/"
                + "72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/.well-known/openid-configuration"));
        assertThat(configuration.entra().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(configuration.redirectUri()).isEqualTo("https://app.example/sso/callback");
        assertThat(configuration.allowedRedirectUris()).isEmpty();
    }

    @Test
    void authorityPlaceholderTakesTenant() {
        environment.put("ANYCHECK_ENTRA_AUTHORITY", "https://id.example/{tenant}/");

        assertThat(read().entra().authority())
                .isEqualTo(URI.create("https://id.example/72f988bf-86f1-41af-91ab-2d7cd011db47/"));
    }

    @Test
    void allowedRedirectUrisAreListed() {
        environment.put("ANYCHECK_ENTRA_ALLOWED_REDIRECT_URIS", "https://a.example/cb, http://localhost:3000/cb");

        assertThat(read().allowedRedirectUris())
                .containsExactlyInAnyOrder("https://a.example/cb", "http://localhost:3000/cb");
    }

    @Test
    void partialSettingsLeaveSsoOff() {
        environment.remove("ANYCHECK_ENTRA_CLIENT_SECRET");

        assertThat(Settings.fromEnvironment(environment).singleSignOn()).isEmpty();
    }

    @Test
    void relativeRedirectUriRejected() {
        environment.put("ANYCHECK_ENTRA_REDIRECT_URI", "/sso/callback");

        assertThatThrownBy(this::read)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ANYCHECK_ENTRA_REDIRECT_URI ");
    }

    @Test
    void plainHttpAuthorityRejected() {
        environment.put("ANYCHECK_ENTRA_AUTHORITY", "http://id.example/tenant");

        assertThatThrownBy(this::read)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("https");
    }

    @Test
    void tenantWithSlashRejected() {
        environment.put("ANYCHECK_ENTRA_TENANT_ID", "tenant/../other");

        assertThatThrownBy(this::read)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ANYCHECK_ENTRA_TENANT_ID ");
    }

    @Test
    void secretStaysOutOfText() {
        assertThat(read().toString()).doesNotContain("entra-secret");
    }

    private SingleSignOnConfiguration read() {
        return Settings.fromEnvironment(environment).singleSignOn().orElseThrow();
    }
}
