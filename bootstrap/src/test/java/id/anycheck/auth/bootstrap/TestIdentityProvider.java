package id.anycheck.auth.bootstrap;

import id.anycheck.auth.entra.EntraSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real OpenID Connect provider for tests: NAV's mock-oauth2-server over HTTPS on 127.0.0.1,
 * with a certificate made for the test that only {@link #sslContext()} trusts. MSAL4J accepts
 * only https authorities, hence TLS.
 *
 * <p>MSAL4J sends the token request of an OpenID Connect authority to
 * {@code {authority}/oauth2/v2.0/token}, and the mock server issues tokens from an issuer named
 * after that path, so the ID tokens' issuer and keys are those of {@link #TOKEN_ISSUER}.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "anycheck-test-client";
    static final String CLIENT_SECRET = "anycheck-test-client-secret";
    static final String REDIRECT_URI = "https://app.example/sso/callback";
    static final String OTHER_REDIRECT_URI = "https://admin.app.example/sso/callback";
    private static final String AUTHORITY_PATH = "entra";
    private static final String TOKEN_ISSUER = AUTHORITY_PATH + "/oauth2/v2.0";
    private static final String KEY_PASSWORD = "test-key-password";
    private static final long ONE_HOUR_SECONDS = 3600;

    private final MockOAuth2Server server;
    private final SSLContext sslContext;
    private final HttpClient browser;

    /** @param clock the time at which the provider issues tokens, usually the service's test clock */
    TestIdentityProvider(Supplier<Instant> clock) {
        try {
            KeyPair keyPair = rsaKeyPair();
            X509Certificate certificate = loopbackCertificate(keyPair);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", keyPair.getPrivate(), KEY_PASSWORD.toCharArray(),
                    new Certificate[] {certificate});
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            sslContext = SSLContext.getInstance("TLS");
            sslContext.init(null, trust.getTrustManagers(), null);

            OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(clock::get),
                    java.util.Set.of(), new MockWebServerWrapper(new Ssl(new SslKeystore(KEY_PASSWORD, keyStore))));
            server = new MockOAuth2Server(config);
            server.start(InetAddress.getByName(TestService.LOOPBACK), 0);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("could not start the test identity provider", e);
        }
        browser = HttpClient.newBuilder()
                .sslContext(sslContext)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Returns the environment variables that point the service at this provider. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("ANYCHECK_ENTRA_TENANT_ID", "organizations");
        environment.put("ANYCHECK_ENTRA_CLIENT_ID", CLIENT_ID);
        environment.put("ANYCHECK_ENTRA_CLIENT_SECRET", CLIENT_SECRET);
        environment.put("ANYCHECK_ENTRA_REDIRECT_URI", REDIRECT_URI);
        environment.put("ANYCHECK_ENTRA_ALLOWED_REDIRECT_URIS", OTHER_REDIRECT_URI);
        environment.put("ANYCHECK_ENTRA_AUTHORITY", baseUrl() + AUTHORITY_PATH);
        environment.put("ANYCHECK_ENTRA_METADATA_URL", baseUrl() + TOKEN_ISSUER + "/.well-known/openid-configuration");
        // Generous, because the provider responds slowly to its first requests while its code warms up.
        environment.put("ANYCHECK_ENTRA_TIMEOUT_MS", "10000");
        return environment;
    }

    /** Returns a settings change that makes the service trust this provider's certificate. */
    UnaryOperator<Settings> trusted() {
        return settings -> settings.withSingleSignOn(settings.singleSignOn().map(configuration -> {
            EntraSettings entra = configuration.entra();
            return configuration.withEntra(new EntraSettings(entra.tenantId(), entra.clientId(), entra.clientSecret(),
                    entra.authority(), entra.metadataUrl(), entra.timeout(), sslContext));
        }));
    }

    /** Returns the TLS context that trusts this provider's certificate. */
    SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Makes the provider's next ID token carry these claims beside its standard ones. A claim
     * such as {@code tid} replaces the provider's own.
     */
    void nextClaims(Map<String, Object> claims) {
        nextClaims(claims, ONE_HOUR_SECONDS);
    }

    /** Like {@link #nextClaims(Map)}, with the ID token expiring this many seconds after it is issued. */
    void nextClaims(Map<String, Object> claims, long lifetimeSeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(TOKEN_ISSUER, "subject-" + UUID.randomUUID(), "JWT",
                null, claims, lifetimeSeconds));
    }

    /**
     * Opens the sign-in URL as a browser would and returns the query of the redirect back,
     * with its {@code code} and {@code state}.
     */
    Map<String, String> signInAt(String authUrl) {
        try {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(authUrl))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() != 302 || location.isEmpty()) {
                throw new IllegalStateException("the provider did not redirect: " + response.statusCode() + " "
                        + response.body());
            }
            return query(URI.create(location.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Returns the decoded parameters of a URI's query. */
    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private String baseUrl() {
        return "https://" + TestService.LOOPBACK + ":" + server.baseUrl().port() + "/";
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static KeyPair rsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** Returns a self-signed certificate for the address 127.0.0.1, which Java's hostname check requires. */
    private static X509Certificate loopbackCertificate(KeyPair keyPair)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500Name("CN=" + TestService.LOOPBACK);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, TestService.LOOPBACK)));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    }
}
