package id.anycheck.auth.http;

import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Request metrics and outcome counters derived from each finished request, and the
 * {@code GET /metrics} endpoint that exposes them in the Prometheus text format. Outcomes come
 * from the route and the response's {@link ErrorCode}, so the use cases know nothing of
 * metrics. Labels carry route templates and fixed words only, never an id, email or key.
 * Thread-safe.
 */
public final class HttpMetrics {

    /**
     * Request attribute that the rate limiter sets on a 429 RATE_LIMIT_EXCEEDED: the scope whose
     * limit was exceeded, one of {@link #RATE_LIMIT_SCOPES}.
     */
    public static final String RATE_LIMIT_SCOPE_ATTRIBUTE = "anycheck.ratelimit.scope";
    /** Request attribute set when a refresh detected the reuse of a spent refresh token. */
    static final String REFRESH_TOKEN_REUSE_ATTRIBUTE = "anycheck.refresh-token-reuse";
    static final List<String> RATE_LIMIT_SCOPES = List.of("organization", "group", "client_ip");
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Route label of requests that matched no route, such as 404 and 405 responses. */
    private static final String UNMATCHED_ROUTE = "UNMATCHED";
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /**
     * Upper bounds of the latency histogram's buckets, from 5 ms to 10 s. A dozen fixed buckets
     * keep each series small. Logins, dominated by Argon2id, take tens to hundreds of milliseconds.
     */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);
    private static final Map<ErrorCode, String> LOGIN_OUTCOMES = new EnumMap<>(Map.of(
            ErrorCode.INVALID_CREDENTIALS, "failed",
            ErrorCode.ACCOUNT_LOCKED, "locked",
            ErrorCode.MFA_REQUIRED, "mfa_required"));

    private final PrometheusMeterRegistry registry;
    private final Optional<byte[]> tokenDigest;
    private final Map<String, Counter> logins;
    private final Map<String, Counter> mfaVerifications;
    private final Map<String, Counter> refreshes;
    private final Map<String, Counter> apiKeyVerifications;
    private final Map<String, Counter> rateLimitRejections;
    /** Timers by label values, so that a request costs one map lookup rather than a registration. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    /** Label values of one latency series. */
    private record Series(String route, String method, int status) {
    }

    /**
     * @param bearerToken when present, {@code GET /metrics} needs {@code Authorization: Bearer}
     *     with this token; when empty, the endpoint is public
     */
    public HttpMetrics(PrometheusMeterRegistry registry, Optional<String> bearerToken) {
        this.registry = registry;
        this.tokenDigest = bearerToken.map(HttpMetrics::sha256);
        this.logins = counters("anycheck.logins", "outcome", List.of("succeeded", "failed", "locked", "mfa_required"),
                "Login attempts on POST /auth/login by outcome.");
        this.mfaVerifications = counters("anycheck.mfa.verifications", "outcome", List.of("succeeded", "failed"),
                "Second-factor codes on POST /auth/mfa/verify by outcome. failed is any INVALID_MFA_CODE: a wrong,"
                        + " reused or expired code, or a bad MFA token.");
        this.refreshes = counters("anycheck.refreshes", "outcome",
                List.of("succeeded", "reuse_detected", "revoked", "rejected"),
                "Refresh attempts on POST /auth/refresh by outcome. reuse_detected is a spent refresh token"
                        + " presented again, which revoked its session; revoked is any other TOKEN_REVOKED, such"
                        + " as a token of a session that has ended.");
        this.apiKeyVerifications = counters("anycheck.api.key.verifications", "outcome",
                List.of("accepted", "rejected"), "Requests authenticated by an X-API-Key header, by outcome.");
        this.rateLimitRejections = counters("anycheck.rate.limit.rejections", "scope", RATE_LIMIT_SCOPES,
                "Requests rejected with 429 RATE_LIMIT_EXCEEDED, by the scope whose limit was exceeded.");
    }

    /** Records one finished request: its latency by route, method and status, and its outcome. */
    void record(Context ctx, float milliseconds) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? UNMATCHED_ROUTE : matched.path;
        String method = ctx.method().name().toUpperCase(Locale.ROOT);
        int status = ctx.statusCode();
        Series series = new Series(route, STANDARD_METHODS.contains(method) ? method : "OTHER", status);
        timers.computeIfAbsent(series, this::timer).record(Duration.ofNanos((long) (milliseconds * 1_000_000.0)));

        ErrorCode error = ctx.attribute(Envelope.ERROR_CODE);
        countOutcome(ctx, route, method, status, error);
    }

    private Timer timer(Series series) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status.")
                .tags(Tags.of("uri", series.route(), "method", series.method(),
                        "status", String.valueOf(series.status())))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /** Increments the outcome counters that apply; other failures, such as 400 or 503, count nowhere. */
    private void countOutcome(Context ctx, String route, String method, int status, ErrorCode error) {
        if ("POST".equals(method) && "/auth/login".equals(route)) {
            increment(logins, status == 200 ? "succeeded" : LOGIN_OUTCOMES.get(error));
        }
        if ("POST".equals(method) && "/auth/mfa/verify".equals(route)) {
            increment(mfaVerifications, mfaVerificationOutcome(status, error));
        }
        if ("POST".equals(method) && "/auth/refresh".equals(route)) {
            increment(refreshes, ctx.attribute(REFRESH_TOKEN_REUSE_ATTRIBUTE) != null
                    ? "reuse_detected"
                    : refreshOutcome(status, error));
        }
        if (ctx.header(AuthenticationFilter.API_KEY_HEADER) != null) {
            increment(apiKeyVerifications, apiKeyOutcome(ctx, error));
        }
        if (error == ErrorCode.RATE_LIMIT_EXCEEDED) {
            Object scope = ctx.attribute(RATE_LIMIT_SCOPE_ATTRIBUTE);
            // An unknown scope is not counted, so that no unexpected value becomes a label.
            increment(rateLimitRejections, scope instanceof String name ? name : null);
        }
    }

    private static String mfaVerificationOutcome(int status, ErrorCode error) {
        if (status == 200) {
            return "succeeded";
        }
        return error == ErrorCode.INVALID_MFA_CODE ? "failed" : null;
    }

    private static String refreshOutcome(int status, ErrorCode error) {
        if (status == 200) {
            return "succeeded";
        }
        if (error == ErrorCode.TOKEN_REVOKED) {
            return "revoked";
        }
        return error != null && error.status() == 401 ? "rejected" : null;
    }

    /** Returns the outcome of a request with X-API-Key, or null when no key was verified, as on public routes. */
    private static String apiKeyOutcome(Context ctx, ErrorCode error) {
        boolean accepted = AuthenticationFilter.authenticatedPrincipal(ctx)
                .filter(ApiKeyPrincipal.class::isInstance)
                .isPresent();
        if (accepted) {
            return "accepted";
        }
        return error == ErrorCode.INVALID_API_KEY ? "rejected" : null;
    }

    /** Writes every metric in the Prometheus text format, or 401 UNAUTHORIZED without the configured token. */
    void scrape(Context ctx) {
        if (tokenDigest.isPresent() && !presentsToken(ctx.header("Authorization"))) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "A valid metrics bearer token is required.");
        }
        ctx.status(200);
        ctx.contentType(PROMETHEUS_CONTENT_TYPE);
        ctx.result(registry.scrape());
    }

    /** Compares digests of equal length with MessageDigest.isEqual, in constant time. */
    private boolean presentsToken(String authorization) {
        if (authorization == null) {
            return false;
        }
        String[] schemeAndToken = authorization.strip().split("\\s+", 2);
        if (schemeAndToken.length != 2 || !schemeAndToken[0].equalsIgnoreCase("Bearer")) {
            return false;
        }
        return MessageDigest.isEqual(sha256(schemeAndToken[1].strip()), tokenDigest.orElseThrow());
    }

    private Map<String, Counter> counters(String name, String tag, List<String> values, String description) {
        return values.stream().collect(Collectors.toUnmodifiableMap(value -> value,
                value -> Counter.builder(name).description(description).tag(tag, value).register(registry)));
    }

    private static void increment(Map<String, Counter> counters, String key) {
        if (key != null && counters.containsKey(key)) {
            counters.get(key).increment();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
