package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.error.IdentityProviderException;
import id.anycheck.auth.domain.sso.AuthorizationRequest;
import id.anycheck.auth.domain.sso.ExternalIdentity;
import java.net.URI;

/**
 * Port: an OpenID Connect provider (Microsoft Entra ID) that signs people in with the
 * authorization code flow and PKCE. Implementations are thread-safe and bound every call to
 * the provider by a timeout.
 */
public interface IdentityProvider {

    /**
     * Returns the URL that sends a browser to the provider's sign-in page.
     *
     * @throws IdentityProviderException with {@code UNREACHABLE} if the provider's metadata cannot be read
     */
    URI authorizationUrl(AuthorizationRequest request);

    /**
     * Exchanges an authorization code for an ID token and returns the identity in it, after
     * validating the token's signature, issuer, audience, expiry and nonce.
     *
     * @param redirectUri the redirect URI of the authorization request that produced the code
     * @param codeVerifier the PKCE verifier of that request
     * @param nonce the nonce of that request, which the ID token must carry
     * @throws IdentityProviderException if the provider is unreachable, rejects the code, or
     *     returns an ID token that fails validation
     */
    ExternalIdentity redeem(String code, String redirectUri, String codeVerifier, String nonce);
}
