package id.anycheck.auth.domain.session;

import java.time.Duration;
import java.util.Objects;

/** An encoded access token and refresh token, ready to hand to the client. */
public record IssuedTokens(String accessToken, String refreshToken, Duration accessTokenLifetime) {

    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
    }

    @Override
    public String toString() {
        return "IssuedTokens[redacted]";
    }
}
