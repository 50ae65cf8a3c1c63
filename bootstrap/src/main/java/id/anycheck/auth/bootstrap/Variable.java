package id.anycheck.auth.bootstrap;

/** Environment variables the service reads, with their defaults as shown in {@code --help}. */
enum Variable {
    PORT("ANYCHECK_PORT", "8080", "HTTP port, 1 to 65535."),
    HOST("ANYCHECK_HOST", "0.0.0.0", "Address to listen on."),
    DB_URL("ANYCHECK_DB_URL", "jdbc:h2:file:./data/anycheck", "JDBC URL of an H2 or PostgreSQL database."),
    DB_USER("ANYCHECK_DB_USER", "", "Database user name."),
    DB_PASSWORD("ANYCHECK_DB_PASSWORD", "", "Database password."),
    DB_POOL_SIZE("ANYCHECK_DB_POOL_SIZE", "10", "Maximum number of pooled database connections."),
    DB_CONNECTION_TIMEOUT_MS("ANYCHECK_DB_CONNECTION_TIMEOUT_MS", "3000",
            "Milliseconds a request waits for a database connection before it gets 503."),
    JWT_SECRET("ANYCHECK_JWT_SECRET", "(generated, stored in the database)",
            "Base64 HS256 secret of at least 32 bytes; a comma-separated list rotates keys: the first signs, all verify."),
    MFA_ENCRYPTION_KEY("ANYCHECK_MFA_ENCRYPTION_KEY", "(generated, stored in the database)",
            "Base64 AES-256 key of exactly 32 bytes that encrypts stored TOTP secrets."),
    JWT_ISSUER("ANYCHECK_JWT_ISSUER", "anycheck-auth", "The iss claim of issued tokens."),
    JWT_AUDIENCE("ANYCHECK_JWT_AUDIENCE", "anycheck-api", "The aud claim of issued tokens."),
    SESSION_CACHE_SECONDS("ANYCHECK_SESSION_CACHE_SECONDS", "5",
            "Seconds an instance trusts that a session or an API key is still valid before asking the database "
                    + "again; a logout or key revocation on another instance takes effect here within this time. "
                    + "0 checks every request."),
    MAX_BODY_BYTES("ANYCHECK_MAX_BODY_BYTES", "65536", "Largest request body accepted, in bytes."),
    ARGON2_MEMORY_KIB("ANYCHECK_ARGON2_MEMORY_KIB", "19456", "Argon2id memory per password hash, in KiB."),
    ARGON2_ITERATIONS("ANYCHECK_ARGON2_ITERATIONS", "2", "Argon2id iterations per password hash."),
    ARGON2_PARALLELISM("ANYCHECK_ARGON2_PARALLELISM", "1", "Argon2id lanes per password hash."),
    HASH_CONCURRENCY("ANYCHECK_HASH_CONCURRENCY", "(number of cores)",
            "Password hashes computed at once; further logins wait their turn."),
    VERIFICATION_SERVICES("ANYCHECK_VERIFICATION_SERVICES", "identity_check,face_match,liveness,document_ocr",
            "Comma-separated verification services offered; new groups enable all of them."),
    PLAN_LIMITS("ANYCHECK_PLAN_LIMITS", "starter=60,business=600,enterprise=6000",
            "Requests per minute allowed to each organization on each plan, as PLAN=LIMIT pairs separated by commas; "
                    + "a plan left out keeps its default."),
    CLIENT_IP_LIMIT_PER_MINUTE("ANYCHECK_CLIENT_IP_LIMIT_PER_MINUTE", "60",
            "Requests per minute allowed from one client address (one /64 network for IPv6) to the login, refresh, "
                    + "MFA and SSO endpoints."),
    TRUSTED_PROXIES("ANYCHECK_TRUSTED_PROXIES", "(none)",
            "Comma-separated IP addresses or CIDR ranges of reverse proxies whose X-Forwarded-For header is believed."),
    RATE_LIMIT_CACHE_SECONDS("ANYCHECK_RATE_LIMIT_CACHE_SECONDS", "5",
            "Seconds an instance uses a plan or group quota read from the database; a change made on another "
                    + "instance takes effect here within this time. 0 reads the database on every request."),
    LOGIN_LOCK_THRESHOLD("ANYCHECK_LOGIN_LOCK_THRESHOLD", "5",
            "Failed logins of one email from one client address (one /64 network for IPv6) within the failure "
                    + "window that lock that email for that client."),
    LOGIN_LOCK_BACKOFF_MINUTES("ANYCHECK_LOGIN_LOCK_BACKOFF_MINUTES", "1,5,15",
            "Minutes the first, second and later locks of an email for one client last; the last value repeats."),
    LOGIN_EMAIL_LOCK_THRESHOLD("ANYCHECK_LOGIN_EMAIL_LOCK_THRESHOLD", "20",
            "Failed logins of one email from all client addresses within the failure window that lock the email "
                    + "everywhere."),
    LOGIN_EMAIL_LOCK_BACKOFF_MINUTES("ANYCHECK_LOGIN_EMAIL_LOCK_BACKOFF_MINUTES", "5,15,60",
            "Minutes the first, second and later locks of an email everywhere last; the last value repeats."),
    LOGIN_CLIENT_LOCK_THRESHOLD("ANYCHECK_LOGIN_CLIENT_LOCK_THRESHOLD", "20",
            "Different emails failing to log in from one client address within the failure window that suggest "
                    + "credential stuffing and lock that client for every email."),
    LOGIN_CLIENT_LOCK_BACKOFF_MINUTES("ANYCHECK_LOGIN_CLIENT_LOCK_BACKOFF_MINUTES", "15,60",
            "Minutes the first and later locks of a client address last; the last value repeats."),
    LOGIN_FAILURE_WINDOW_MINUTES("ANYCHECK_LOGIN_FAILURE_WINDOW_MINUTES", "15",
            "Minutes over which failed logins are counted before their count starts again."),
    LOGIN_BACKOFF_RESET_HOURS("ANYCHECK_LOGIN_BACKOFF_RESET_HOURS", "24",
            "Hours without a failed login after which the next lock is again the shortest."),
    ACCESS_HISTORY_DAYS("ANYCHECK_ACCESS_HISTORY_DAYS", "90",
            "Days a user's device or an API key's network stays known; a login or key use from one not seen in "
                    + "this time is recorded as unusual access."),
    RATE_LIMIT_MAX_COUNTERS("ANYCHECK_RATE_LIMIT_MAX_COUNTERS", "100000",
            "Most rate limit counters (organizations, groups and client addresses) kept in memory, about 650 bytes "
                    + "each; beyond it the counters least likely to be used again are dropped, which resets their count."),
    RATE_LIMIT_DRAFT_FIELDS("ANYCHECK_RATE_LIMIT_DRAFT_FIELDS", "true",
            "Whether responses carry the IETF draft's RateLimit-Policy and RateLimit fields beside the "
                    + "X-RateLimit-* headers: true or false."),
    LOG_LEVEL("ANYCHECK_LOG_LEVEL", "INFO", "Level of the service's logs: ERROR, WARN, INFO, DEBUG or TRACE."),
    LOG_LEVELS("ANYCHECK_LOG_LEVELS", "",
            "Levels of single loggers in serve and demo, overriding ANYCHECK_LOG_LEVEL: a comma-separated list of "
                    + "LOGGER=LEVEL, for example org.eclipse.jetty=DEBUG,id.anycheck.auth.http.requests=WARN."),
    LOG_FORMAT("ANYCHECK_LOG_FORMAT", "text",
            "text for human-readable lines, json for one JSON object per line with timestamp, level, logger, "
                    + "message, request_id, principal_id and organization_id."),
    METRICS_TOKEN("ANYCHECK_METRICS_TOKEN", "(unset: GET /metrics is public)",
            "Bearer token that GET /metrics requires, at least 16 characters; generate one with: "
                    + "openssl rand -hex 32."),
    ENTRA_TENANT_ID("ANYCHECK_ENTRA_TENANT_ID", "(unset: SSO answers SSO_NOT_CONFIGURED)",
            "Directory (tenant) id of the Microsoft Entra app registration, or organizations when people of "
                    + "several tenants sign in. Single sign-on needs all four ANYCHECK_ENTRA_TENANT_ID, _CLIENT_ID, "
                    + "_CLIENT_SECRET and _REDIRECT_URI."),
    ENTRA_CLIENT_ID("ANYCHECK_ENTRA_CLIENT_ID", "(unset)", "Application (client) id of the Entra app registration."),
    ENTRA_CLIENT_SECRET("ANYCHECK_ENTRA_CLIENT_SECRET", "(unset)", "Client secret of the Entra app registration."),
    ENTRA_REDIRECT_URI("ANYCHECK_ENTRA_REDIRECT_URI", "(unset)",
            "Absolute redirect URI registered in Entra, where Microsoft sends the browser back with code and state."),
    ENTRA_ALLOWED_REDIRECT_URIS("ANYCHECK_ENTRA_ALLOWED_REDIRECT_URIS", "(none)",
            "Comma-separated further redirect URIs that GET /auth/external/entra/auth-url accepts in its "
                    + "redirect_uri parameter, compared exactly; each must also be registered in Entra."),
    ENTRA_AUTHORITY("ANYCHECK_ENTRA_AUTHORITY", "https://login.microsoftonline.com/{tenant}",
            "HTTPS base URL of the identity provider; {tenant} stands for ANYCHECK_ENTRA_TENANT_ID. Another "
                    + "OpenID Connect provider works if it uses Entra's paths, such as a local test provider."),
    ENTRA_METADATA_URL("ANYCHECK_ENTRA_METADATA_URL", "(derived from the authority)",
            "HTTPS URL of the OpenID Connect metadata whose issuer and signing keys ID tokens are checked against; "
                    + "by default the authority's /v2.0/.well-known/openid-configuration for Entra, its "
                    + "/.well-known/openid-configuration otherwise."),
    ENTRA_TIMEOUT_MS("ANYCHECK_ENTRA_TIMEOUT_MS", "5000",
            "Milliseconds each call to the identity provider may take before the request gets 503 SERVICE_UNAVAILABLE."),
    SHUTDOWN_TIMEOUT_SECONDS("ANYCHECK_SHUTDOWN_TIMEOUT_SECONDS", "20",
            "Seconds that a stopping server (SIGTERM) waits for requests in progress before it closes their "
                    + "connections.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Variable(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String key() {
        return key;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }
}
