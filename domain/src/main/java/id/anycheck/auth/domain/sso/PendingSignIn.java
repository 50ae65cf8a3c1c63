package id.anycheck.auth.domain.sso;

import java.time.Instant;
import java.util.Objects;

/**
 * A started single sign-on, kept on the server until its callback arrives. It is found by the
 * SHA-256 of its {@code state} and can be taken once.
 *
 * @param stateHash the lower-case hex SHA-256 of the {@code state} sent to the provider
 * @param nonce the {@code nonce} the ID token must carry
 * @param codeVerifier the PKCE verifier whose S256 challenge went to the provider
 * @param redirectUri the redirect URI of the authorization request, sent again with the code
 * @param expiresAt when the callback stops being accepted
 */
public record PendingSignIn(String stateHash, String nonce, String codeVerifier, String redirectUri,
        Instant createdAt, Instant expiresAt) {

    public PendingSignIn {
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingSignIn[stateHash=" + stateHash + ", redirectUri=" + redirectUri + ", expiresAt=" + expiresAt
                + "]";
    }
}
