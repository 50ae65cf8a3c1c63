package id.anycheck.auth.http;

import io.javalin.security.RouteRole;

/** Access level of a route, checked before its handler runs. */
enum Access implements RouteRole {
    /** Anyone, without credentials. */
    PUBLIC,
    /** Any caller with a valid access token of a live session; also the rule for routes with no role. */
    AUTHENTICATED,
    /**
     * Like {@link #AUTHENTICATED}, and also open to a user whose organization requires MFA before
     * they have turned it on: the routes that enrol a second factor, show the account or end the session.
     */
    ENROLLING
}
