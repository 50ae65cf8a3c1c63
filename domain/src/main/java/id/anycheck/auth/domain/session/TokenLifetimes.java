package id.anycheck.auth.domain.session;

import java.time.Duration;

/** Lifetimes of the tokens handed to clients, as published in the API reference. */
public final class TokenLifetimes {

    public static final Duration ACCESS_TOKEN = Duration.ofHours(1);
    public static final Duration REFRESH_TOKEN = Duration.ofDays(30);

    private TokenLifetimes() {
    }
}
