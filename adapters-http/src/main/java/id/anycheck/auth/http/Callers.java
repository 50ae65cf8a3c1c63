package id.anycheck.auth.http;

import id.anycheck.auth.application.Caller;
import io.javalin.http.Context;

/** Builds the {@link Caller} of a protected request: its principal and client address. */
final class Callers {

    private Callers() {
    }

    static Caller of(Context ctx) {
        // TODO: take the client address through the trusted-proxy rules once they exist.
        return Caller.of(AuthenticationFilter.principal(ctx), ctx.ip());
    }
}
