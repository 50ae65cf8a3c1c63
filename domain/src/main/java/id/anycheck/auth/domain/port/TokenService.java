package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.session.AccessTokenClaims;
import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.session.RefreshTokenClaims;
import id.anycheck.auth.domain.session.TokenGrant;

/** Port: encoding, signing and verification of access and refresh tokens. Thread-safe. */
public interface TokenService {

    IssuedTokens issue(TokenGrant grant);

    /**
     * Verifies signature, algorithm, issuer, audience, token type and expiry.
     *
     * @throws AuthenticationException with TOKEN_EXPIRED or TOKEN_INVALID
     */
    AccessTokenClaims verifyAccessToken(String token);

    /**
     * Verifies a refresh token like {@link #verifyAccessToken}; an access token is rejected here.
     *
     * @throws AuthenticationException with TOKEN_EXPIRED or TOKEN_INVALID
     */
    RefreshTokenClaims verifyRefreshToken(String token);
}
