package id.anycheck.auth.bootstrap;

/** The one line a server logs when it starts: what runs, where, and which optional features are on. */
final class Banner {

    /** Store of the rate-limit counters. The only one so far keeps them in this process's memory. */
    private static final String RATE_LIMIT_BACKEND = "in-process";

    private Banner() {
    }

    /** Returns the line. It names the database's location but never its user, password or URL options. */
    static String line(Settings settings, int port) {
        return "anycheck-auth " + Main.Version.current()
                + " listening on " + settings.host() + ":" + port
                + "; database " + settings.database().location()
                + "; SSO " + (settings.operations().singleSignOnConfigured() ? "configured" : "not configured")
                + "; metrics " + (settings.operations().metricsToken().isPresent() ? "token required" : "public")
                + "; rate-limit backend " + RATE_LIMIT_BACKEND;
    }
}
