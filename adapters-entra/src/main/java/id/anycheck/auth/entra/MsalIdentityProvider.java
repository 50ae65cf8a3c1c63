package id.anycheck.auth.entra;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import id.anycheck.auth.domain.error.IdentityProviderException;
import id.anycheck.auth.domain.error.IdentityProviderException.Reason;
import id.anycheck.auth.domain.port.IdentityProvider;
import id.anycheck.auth.domain.sso.AuthorizationRequest;
import id.anycheck.auth.domain.sso.ExternalIdentity;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity provider adapter: Microsoft Entra ID through MSAL4J's confidential client, with the
 * authorization code flow and PKCE (S256). MSAL4J sends the requests; {@link IdTokenValidator}
 * checks the ID token, which MSAL4J does not validate. Each call to the provider is bounded by
 * the configured timeout. Thread-safe.
 *
 * <p>The provider's metadata and signing keys are read on first use and kept, so the service
 * starts even while the provider is down.
 */
public final class MsalIdentityProvider implements IdentityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(MsalIdentityProvider.class);
    /** MSAL4J adds openid, profile and offline_access itself, and email requests the email claim. */
    private static final Set<String> SCOPES = Set.of("openid", "profile", "email");
    private static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private final EntraSettings settings;
    private final Clock clock;
    private final ResourceRetriever retriever;
    /** Built on first success; MSAL4J reads the provider's metadata while it is built or first used. */
    private volatile ConfidentialClientApplication urlBuilder;
    private volatile IdTokenValidator validator;

    public MsalIdentityProvider(EntraSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        int timeoutMillis = timeoutMillis();
        this.retriever = new DefaultResourceRetriever(timeoutMillis, timeoutMillis, MAX_DOCUMENT_BYTES, true,
                settings.sslContext().getSocketFactory());
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        AuthorizationRequestUrlParameters parameters = AuthorizationRequestUrlParameters
                .builder(request.redirectUri(), SCOPES)
                .state(request.state())
                .nonce(request.nonce())
                .codeChallenge(request.codeChallenge())
                .codeChallengeMethod("S256")
                // MSAL4J 1.26 sets response_mode=form_post, which makes the provider POST a form
                // to the redirect URI. Clients here read the code from the redirect's query.
                .extraQueryParameters(Map.of("response_mode", "query"))
                .build();
        try {
            return urlBuilder().getAuthorizationRequestUrl(parameters).toURI();
        } catch (URISyntaxException e) {
            throw new IdentityProviderException(Reason.UNREACHABLE, "MSAL4J built an invalid sign-in URL", e);
        } catch (IdentityProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IdentityProviderException(Reason.UNREACHABLE,
                    "MSAL4J could not build the sign-in URL: " + e.getMessage(), e);
        }
    }

    @Override
    public ExternalIdentity redeem(String code, String redirectUri, String codeVerifier, String nonce) {
        IdTokenValidator tokenValidator = validator();
        AuthorizationCodeParameters parameters = AuthorizationCodeParameters.builder(code, URI.create(redirectUri))
                .scopes(SCOPES)
                .codeVerifier(codeVerifier)
                .build();

        // A new client per code keeps MSAL4J's in-memory token cache from growing with every sign-in.
        CompletableFuture<IAuthenticationResult> pending;
        try {
            pending = newApplication().acquireToken(parameters);
        } catch (IdentityProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
        IAuthenticationResult result = await(pending);
        if (result.idToken() == null) {
            throw new IdentityProviderException(Reason.ID_TOKEN_INVALID, "the token response has no ID token");
        }
        return tokenValidator.validate(result.idToken(), nonce);
    }

    private IAuthenticationResult await(CompletableFuture<IAuthenticationResult> future) {
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IdentityProviderException(Reason.UNREACHABLE,
                    "the token endpoint did not answer within " + settings.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderException(Reason.UNREACHABLE, "interrupted while redeeming a code", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    /**
     * Returns the failure of a code redemption: an OAuth error response rejects the code, and a
     * 5xx response or any other failure is an outage. MSAL4J leaves the status empty on some
     * error responses, such as {@code invalid_grant} raised as MsalInteractionRequiredException.
     */
    private static IdentityProviderException translate(Throwable failure) {
        if (failure instanceof MsalServiceException service
                && (service.statusCode() == null || service.statusCode() < 500)) {
            return new IdentityProviderException(Reason.CODE_REJECTED, "the provider rejected the code with "
                    + service.errorCode() + " (HTTP " + service.statusCode() + ")", failure);
        }
        return new IdentityProviderException(Reason.UNREACHABLE,
                "redeeming the code failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                failure);
    }

    private ConfidentialClientApplication urlBuilder() {
        ConfidentialClientApplication application = urlBuilder;
        if (application == null) {
            application = newApplication();
            urlBuilder = application;
        }
        return application;
    }

    private IdTokenValidator validator() {
        IdTokenValidator current = validator;
        if (current == null) {
            try {
                current = new IdTokenValidator(ProviderMetadata.fetch(settings.metadataUrl(), retriever),
                        settings.clientId(), retriever, clock);
            } catch (IOException e) {
                throw new IdentityProviderException(Reason.UNREACHABLE,
                        "the OpenID Connect metadata at " + settings.metadataUrl() + " could not be read: "
                                + e.getMessage(), e);
            }
            validator = current;
            LOG.info("Read the OpenID Connect metadata of {}", settings.metadataUrl());
        }
        return current;
    }

    private ConfidentialClientApplication newApplication() {
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(settings.clientId(), ClientCredentialFactory.createFromSecret(settings.clientSecret()))
                    .connectTimeoutForDefaultHttpClient(timeoutMillis())
                    .readTimeoutForDefaultHttpClient(timeoutMillis())
                    .sslSocketFactory(settings.sslContext().getSocketFactory());
            String authority = settings.authority().toString();
            if (EntraSettings.isEntra(settings.authority())) {
                builder.authority(authority);
            } else {
                builder.oidcAuthority(authority);
            }
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the authority was checked at start-up: " + settings.authority(), e);
        } catch (RuntimeException e) {
            // MSAL4J reads an OpenID Connect authority's metadata while it builds the client and
            // reports a failure with unchecked exceptions of several types.
            throw new IdentityProviderException(Reason.UNREACHABLE,
                    "MSAL4J could not set up the authority " + settings.authority() + ": " + e.getMessage(), e);
        }
    }

    private int timeoutMillis() {
        return Math.toIntExact(settings.timeout().toMillis());
    }
}
