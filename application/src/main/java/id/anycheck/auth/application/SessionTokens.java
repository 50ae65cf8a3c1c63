package id.anycheck.auth.application;

import id.anycheck.auth.domain.port.TokenService;
import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenGrant;
import id.anycheck.auth.domain.user.User;
import java.security.SecureRandom;
import java.time.Instant;

/** Draws refresh token ids and signs token pairs; shared by logging in and refreshing. Thread-safe. */
final class SessionTokens {

    private final TokenService tokenService;
    private final SecureRandom random;

    SessionTokens(TokenService tokenService, SecureRandom random) {
        this.tokenService = tokenService;
        this.random = random;
    }

    RefreshTokenId newRefreshTokenId() {
        return RefreshTokenId.generate(random);
    }

    IssuedTokens sign(User user, SessionId sessionId, RefreshTokenId refreshTokenId, Instant now,
            boolean mfaEnrollmentRequired) {
        return tokenService.issue(new TokenGrant(user.id(), user.organizationId(), sessionId, refreshTokenId, now,
                mfaEnrollmentRequired));
    }
}
