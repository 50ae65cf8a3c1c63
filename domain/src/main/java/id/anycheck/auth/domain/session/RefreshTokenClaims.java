package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.user.UserId;
import java.util.Objects;

/** The verified claims of a refresh token. */
public record RefreshTokenClaims(UserId userId, SessionId sessionId, RefreshTokenId refreshTokenId) {

    public RefreshTokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(refreshTokenId, "refreshTokenId");
    }
}
