package id.anycheck.auth.http;

import io.javalin.security.RouteRole;

/** Who may call a route; checked before the handler runs. */
enum Access implements RouteRole {
    /** Anyone, without credentials. */
    PUBLIC,
    /** Any caller with a valid access token of a live session. */
    AUTHENTICATED
}
