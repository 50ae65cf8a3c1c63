package id.anycheck.auth.bootstrap;

import id.anycheck.auth.entra.EntraSettings;
import java.util.Set;

/**
 * Single sign-on settings of the server: the Entra app registration and the redirect URIs a
 * sign-in may use.
 *
 * @param redirectUri the registered redirect URI used when a client names none
 * @param allowedRedirectUris further redirect URIs a client may name, compared exactly
 */
record SingleSignOnConfiguration(EntraSettings entra, String redirectUri, Set<String> allowedRedirectUris) {

    SingleSignOnConfiguration {
        allowedRedirectUris = Set.copyOf(allowedRedirectUris);
    }

    /** Returns this configuration with other provider settings, such as a test provider's TLS trust. */
    SingleSignOnConfiguration withEntra(EntraSettings otherEntra) {
        return new SingleSignOnConfiguration(otherEntra, redirectUri, allowedRedirectUris);
    }
}
