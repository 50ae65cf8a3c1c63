package id.anycheck.auth.domain.sso;

import java.util.Objects;

/**
 * The values of an OpenID Connect authorization request that this service chooses.
 *
 * @param codeChallenge the base64url SHA-256 of the PKCE verifier (method S256)
 */
public record AuthorizationRequest(String redirectUri, String state, String nonce, String codeChallenge) {

    public AuthorizationRequest {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[redirectUri=" + redirectUri + "]";
    }
}
