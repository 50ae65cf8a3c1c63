package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BannerTest {

    private final Map<String, String> environment = new HashMap<>(TestService.lowCostEnvironment());

    @Test
    void bannerNamesVersionPortAndDefaults() {
        environment.put("ANYCHECK_HOST", "127.0.0.1");

        String line = Banner.line(Settings.fromEnvironment(environment), 18080);

        assertThat(line).startsWith("anycheck-auth " + Main.Version.current() + " listening on 127.0.0.1:18080");
        assertThat(line).contains("database H2 mem:test-", "SSO not configured", "metrics public",
                "rate-limit backend in-process");
        assertThat(line).doesNotContain("DB_CLOSE_DELAY");
    }

    @Test
    void bannerHidesDatabaseCredentials() {
        environment.put("ANYCHECK_DB_URL",
                "jdbc:postgresql://db.example:6543/anycheck?user=owner&password=url-secret&ssl=true");
        environment.put("ANYCHECK_DB_USER", "owner");
        environment.put("ANYCHECK_DB_PASSWORD", "variable-secret");

        String line = Banner.line(Settings.fromEnvironment(environment), 8080);

        assertThat(line).contains("database PostgreSQL database anycheck on db.example:6543");
        assertThat(line).doesNotContain("url-secret", "variable-secret", "owner", "ssl", "jdbc:");
    }

    @Test
    void bannerShowsOptionalFeaturesWhenConfigured() {
        environment.put("ANYCHECK_METRICS_TOKEN", "metrics-token-0123456789abcdef");
        environment.put("ANYCHECK_ENTRA_TENANT_ID", "tenant");
        environment.put("ANYCHECK_ENTRA_CLIENT_ID", "client");
        environment.put("ANYCHECK_ENTRA_CLIENT_SECRET", "entra-secret");
        environment.put("ANYCHECK_ENTRA_REDIRECT_URI", "https://app.example/callback");

        String line = Banner.line(Settings.fromEnvironment(environment), 8080);

        assertThat(line).contains("SSO configured", "metrics token required");
        assertThat(line).doesNotContain("metrics-token-0123456789abcdef", "entra-secret");
    }

    @Test
    void bannerTreatsPartialSsoAsNotConfigured() {
        environment.put("ANYCHECK_ENTRA_TENANT_ID", "tenant");
        environment.put("ANYCHECK_ENTRA_CLIENT_ID", "client");

        String line = Banner.line(Settings.fromEnvironment(environment), 8080);

        assertThat(line).contains("SSO not configured");
    }
}
