package id.anycheck.auth.http;

import id.anycheck.auth.application.Caller;
import io.javalin.http.Context;

/** Builds the {@link Caller} of a protected request: its principal and client address. */
final class Callers {

    private Callers() {
    }

    static Caller of(Context ctx) {
        return Caller.of(AuthenticationFilter.principal(ctx), ClientAddressResolver.of(ctx));
    }
}
