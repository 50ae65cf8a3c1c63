package id.anycheck.auth.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EntraSettingsTest {

    @Test
    void defaultAuthorityNamesTenant() {
        assertThat(EntraSettings.defaultAuthority("organizations"))
                .isEqualTo(URI.create("https://login.microsoftonline.com/organizations"));
    }

    @Test
    void entraMetadataIsBelowVersionTwo() {
        URI authority = URI.create("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/");

        assertThat(EntraSettings.defaultMetadataUrl(authority)).isEqualTo(URI.create(
                "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/.well-known/openid-configuration"));
    }

    @Test
    void otherMetadataIsBelowAuthority() {
        URI authority = URI.create("https://id.example/realm");

        assertThat(EntraSettings.defaultMetadataUrl(authority))
                .isEqualTo(URI.create("https://id.example/realm/.well-known/openid-configuration"));
    }

    @Test
    void entraHostIsRecognized() {
        assertThat(EntraSettings.isEntra(URI.create("https://LOGIN.microsoftonline.com/common"))).isTrue();
        assertThat(EntraSettings.isEntra(URI.create("https://id.example/common"))).isFalse();
    }
}
