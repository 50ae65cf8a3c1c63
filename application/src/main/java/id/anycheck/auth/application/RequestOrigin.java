package id.anycheck.auth.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Origin of a sign-in request: the client address (after the trusted-proxy rules) and the
 * User-Agent header, each empty when unknown, as for the command line.
 */
public record RequestOrigin(Optional<String> clientIp, Optional<String> userAgent) {

    public RequestOrigin {
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    public static RequestOrigin of(String clientIp, String userAgent) {
        return new RequestOrigin(Optional.ofNullable(clientIp), Optional.ofNullable(userAgent));
    }

    public static RequestOrigin unknown() {
        return new RequestOrigin(Optional.empty(), Optional.empty());
    }
}
