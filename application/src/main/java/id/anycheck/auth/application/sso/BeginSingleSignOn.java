package id.anycheck.auth.application.sso;

import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.SingleSignOnNotConfiguredException;
import id.anycheck.auth.domain.port.IdentityProvider;
import id.anycheck.auth.domain.port.SingleSignOnRepository;
import id.anycheck.auth.domain.sso.AuthorizationRequest;
import id.anycheck.auth.domain.sso.PendingSignIn;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: start a single sign-on and return the provider's sign-in URL. The state, nonce and
 * PKCE verifier are stored on the server for {@link #LIFETIME}, so the callback may reach any
 * instance. Thread-safe.
 */
public final class BeginSingleSignOn {

    /** How long a started sign-in waits for its callback. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(BeginSingleSignOn.class.getName());

    private final Optional<IdentityProvider> identityProvider;
    private final SingleSignOnRepository repository;
    private final RedirectUris redirectUris;
    private final SecureRandom random;
    private final Clock clock;

    /** @param identityProvider the provider, or empty when this server has none configured */
    public BeginSingleSignOn(Optional<IdentityProvider> identityProvider, SingleSignOnRepository repository,
            RedirectUris redirectUris, SecureRandom random, Clock clock) {
        this.identityProvider = identityProvider;
        this.repository = repository;
        this.redirectUris = redirectUris;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @param requestedRedirectUri a redirect URI the client asks for, which must be one of the
     *     allowed ones exactly; empty for the configured one
     * @throws SingleSignOnNotConfiguredException if no provider is configured
     * @throws InvalidInputException if the redirect URI is not allowed
     */
    public URI begin(Optional<String> requestedRedirectUri) {
        IdentityProvider provider = identityProvider.orElseThrow(SingleSignOnNotConfiguredException::new);
        String redirectUri = requestedRedirectUri.orElse(redirectUris.defaultUri());
        if (!redirectUris.allows(redirectUri)) {
            throw InvalidInputException.of("redirect_uri",
                    "is not an allowed redirect URI; use the configured one or one of ANYCHECK_ENTRA_ALLOWED_REDIRECT_URIS"
                            + " exactly as written there");
        }

        SignInSecrets secrets = SignInSecrets.generate(random);
        URI url = provider.authorizationUrl(
                new AuthorizationRequest(redirectUri, secrets.state(), secrets.nonce(), secrets.codeChallenge()));

        Instant now = clock.instant();
        repository.savePendingSignIn(new PendingSignIn(SignInSecrets.hashOfState(secrets.state()), secrets.nonce(),
                secrets.codeVerifier(), redirectUri, now, now.plus(LIFETIME)), now);

        LOG.log(System.Logger.Level.DEBUG, "Started a single sign-on with redirect URI {0}", redirectUri);
        return url;
    }

    /** The redirect URIs a sign-in may use: the configured one and an exact-match allow-list. */
    public record RedirectUris(String defaultUri, Set<String> allowed) {

        public RedirectUris {
            allowed = Set.copyOf(allowed);
        }

        boolean allows(String uri) {
            return defaultUri.equals(uri) || allowed.contains(uri);
        }
    }
}
