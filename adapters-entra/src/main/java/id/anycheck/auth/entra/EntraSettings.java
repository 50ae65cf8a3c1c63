package id.anycheck.auth.entra;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Settings of the Microsoft Entra ID app registration this service signs people in with.
 *
 * @param tenantId the directory of the app registration, or {@code organizations} for an app
 *     that people of several tenants sign in to
 * @param authority the base URL of the provider: Entra's {@code https://login.microsoftonline.com/{tenant}},
 *     or another OpenID Connect provider with Entra's URL layout
 * @param metadataUrl the OpenID Connect discovery document whose {@code issuer} and {@code jwks_uri}
 *     ID tokens are validated against
 * @param timeout the longest wait for each call to the provider
 * @param sslContext the TLS trust for calls to the provider: the JVM's default in service, a
 *     local test provider's certificate in tests
 */
public record EntraSettings(String tenantId, String clientId, String clientSecret, URI authority, URI metadataUrl,
        Duration timeout, SSLContext sslContext) {

    private static final String ENTRA_HOST = "login.microsoftonline.com";

    public EntraSettings {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(metadataUrl, "metadataUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sslContext, "sslContext");
    }

    /** Returns Entra's authority of a tenant, {@code https://login.microsoftonline.com/{tenant}}. */
    public static URI defaultAuthority(String tenantId) {
        return URI.create("https://" + ENTRA_HOST + "/" + tenantId);
    }

    /**
     * Returns where the provider publishes its OpenID Connect metadata: below {@code /v2.0} of
     * an Entra authority, directly below any other authority.
     */
    public static URI defaultMetadataUrl(URI authority) {
        String base = authority.toString().replaceAll("/+$", "");
        return URI.create(base + (isEntra(authority) ? "/v2.0" : "") + "/.well-known/openid-configuration");
    }

    /** Returns whether the authority is Microsoft Entra ID's public cloud, which MSAL addresses as an AAD authority. */
    static boolean isEntra(URI authority) {
        // NOTE: national clouds (login.microsoftonline.us, login.partner.microsoftonline.cn) are
        // treated as generic OpenID Connect authorities, which MSAL4J has not been tried with here.
        return authority.getHost() != null && ENTRA_HOST.equals(authority.getHost().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "EntraSettings[tenantId=" + tenantId + ", clientId=" + clientId + ", authority=" + authority
                + ", metadataUrl=" + metadataUrl + ", timeout=" + timeout + "]";
    }
}
