package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.port.TokenService;
import id.anycheck.auth.domain.session.AccessTokenClaims;
import id.anycheck.auth.domain.principal.UserPrincipal;

/**
 * Use case: turn a bearer access token into the principal of a request. The token must be valid
 * and its session still live, so a logout ends the access token before it expires. Thread-safe.
 */
public final class AuthenticateAccessToken {

    private final TokenService tokenService;
    private final ActiveSessionCache activeSessions;

    public AuthenticateAccessToken(TokenService tokenService, ActiveSessionCache activeSessions) {
        this.tokenService = tokenService;
        this.activeSessions = activeSessions;
    }

    /**
     * @throws AuthenticationException TOKEN_EXPIRED, TOKEN_INVALID, or TOKEN_REVOKED when the
     *     session was logged out, revoked, or its user or organization deactivated
     */
    public UserPrincipal authenticate(String accessToken) {
        AccessTokenClaims claims = tokenService.verifyAccessToken(accessToken);

        if (!activeSessions.isActive(claims.sessionId())) {
            throw new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED,
                    "session " + claims.sessionId() + " is no longer active");
        }

        // NOTE: the user and organization come from the signed claims and are not compared with
        // the session's row. Only a holder of the signing key could make them disagree.
        return new UserPrincipal(claims.userId(), claims.organizationId(), claims.sessionId(),
                claims.mfaEnrollmentRequired());
    }
}
