package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.http.ApiException;
import id.anycheck.auth.http.ErrorCode;
import id.anycheck.auth.http.HttpMetrics;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} scraped after real requests. */
class MetricsHttpTest {

    private static final String METRICS_TOKEN = "metrics-token-of-the-test-0123456789";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LABELS = Pattern.compile("\\{([^}]*)}");

    @RegisterExtension
    static final TestService service = new TestService();

    @RegisterExtension
    static final TestService protectedService = new TestService(Map.of("ANYCHECK_METRICS_TOKEN", METRICS_TOKEN));

    @Test
    void countersMoveAfterRealRequests() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Metrics before = Metrics.scrape(http);

            Http.Reply login = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
            http.logIn(TestService.USER_EMAIL, "not the password");
            String refreshToken = login.data().path("refresh_token").asText();
            http.refresh(refreshToken);
            http.refresh(refreshToken);
            http.refresh(refreshToken);
            http.get("/auth/me", "X-API-Key", "ak_test_not-a-real-key");
            http.get("/auth/me", "X-API-Key", service.organization.firstApiKey().plaintext().reveal());
            http.get("/no-such-route/" + UUID.randomUUID());
            Metrics after = Metrics.scrape(http);

            assertThat(after.delta(before, "anycheck_logins_total{outcome=\"succeeded\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_logins_total{outcome=\"failed\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_refreshes_total{outcome=\"succeeded\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_refreshes_total{outcome=\"reuse_detected\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_refreshes_total{outcome=\"revoked\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_api_key_verifications_total{outcome=\"rejected\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_api_key_verifications_total{outcome=\"accepted\"}")).isEqualTo(1);
            assertThat(after.delta(before, "http_server_requests_seconds_count"
                    + "{method=\"POST\",status=\"200\",uri=\"/auth/login\"}")).isEqualTo(1);
            assertThat(after.delta(before, "http_server_requests_seconds_count"
                    + "{method=\"POST\",status=\"401\",uri=\"/auth/login\"}")).isEqualTo(1);
            assertThat(after.delta(before, "http_server_requests_seconds_count"
                    + "{method=\"GET\",status=\"404\",uri=\"UNMATCHED\"}")).isEqualTo(1);
        });
    }

    @Test
    void noLabelCarriesIdOrEmail() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD)
                    .data().path("access_token").asText();
            String apiKeyId = service.organization.firstApiKey().key().id().toString();
            http.get("/auth/me", "Authorization", Http.bearer(accessToken));
            http.get("/auth/me", "X-API-Key", service.organization.firstApiKey().plaintext().reveal());
            http.post("/api-keys/" + apiKeyId + "/rotate", "Authorization", Http.bearer(accessToken));
            http.get("/no-such-route/" + service.user.user().id() + "?email=" + TestService.USER_EMAIL);
            http.logIn(TestService.ADMIN_EMAIL, "not the password");

            String body = http.get("/metrics").body();

            List<String> labelSets = LABELS.matcher(body).results().map(match -> match.group(1)).toList();
            assertThat(labelSets).isNotEmpty();
            assertThat(labelSets).noneMatch(labels -> UUID_TEXT.matcher(labels).find());
            assertThat(labelSets).noneMatch(labels -> labels.contains("@"));
            assertThat(body).doesNotContain(service.user.user().id().toString(), TestService.USER_EMAIL,
                    TestService.ADMIN_EMAIL, service.organization.organization().id().toString(), apiKeyId,
                    service.organization.firstApiKey().plaintext().prefix());
            assertThat(body).contains("uri=\"/api-keys/{id}/rotate\"");
        });
    }

    @Test
    void metricsUseThePrometheusTextFormat() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/metrics");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/plain").contains("version=0.0.4"));
            assertThat(reply.body()).contains("# TYPE anycheck_logins_total counter");
            assertThat(reply.body()).contains("# TYPE http_server_requests_seconds histogram");
        });
    }

    @Test
    void poolJvmAndProcessMetricsArePublished() {
        JavalinTest.test(service.app(), (server, client) -> {
            String body = new Http(client).get("/metrics").body();

            assertThat(body).contains("hikaricp_connections_active{pool=\"anycheck-db\"}",
                    "hikaricp_connections_max{pool=\"anycheck-db\"}", "hikaricp_connections_pending{pool=\"anycheck-db\"}");
            assertThat(body).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_",
                    "process_cpu_usage", "process_uptime_seconds", "system_cpu_count");
        });
    }

    @Test
    void rateLimitRejectionsCountByScope() {
        Javalin app = service.service.httpApp(config -> {
            config.jetty.host = TestService.LOOPBACK;
            // Stands in for the rate limiter's contract: the scope attribute, then 429 RATE_LIMIT_EXCEEDED.
            config.routes.before("/limited", ctx -> {
                ctx.attribute(HttpMetrics.RATE_LIMIT_SCOPE_ATTRIBUTE, "group");
                throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED);
            });
        });
        JavalinTest.test(app, (server, client) -> {
            Http http = new Http(client);
            Metrics before = Metrics.scrape(http);

            // A plain client: the stand-in path is not in the OpenAPI description that Http checks.
            HttpResponse<String> limited = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(client.getOrigin() + "/limited")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Metrics after = Metrics.scrape(http);

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(after.delta(before, "anycheck_rate_limit_rejections_total{scope=\"group\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_rate_limit_rejections_total{scope=\"organization\"}")).isZero();
            assertThat(after.delta(before, "anycheck_rate_limit_rejections_total{scope=\"client_ip\"}")).isZero();
        });
    }

    @Test
    void tokenProtectedMetricsRejectMissingToken() {
        JavalinTest.test(protectedService.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/metrics");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(reply.header("WWW-Authenticate")).isPresent();
            assertThat(reply.body()).doesNotContain("anycheck_logins_total");
        });
    }

    @Test
    void tokenProtectedMetricsRejectWrongToken() {
        JavalinTest.test(protectedService.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply wrong = http.get("/metrics", "Authorization", Http.bearer(METRICS_TOKEN + "x"));
            Http.Reply prefix = http.get("/metrics", "Authorization", Http.bearer(METRICS_TOKEN.substring(0, 16)));
            Http.Reply basic = http.get("/metrics", "Authorization", "Basic " + METRICS_TOKEN);

            assertThat(wrong.status()).isEqualTo(401);
            assertThat(prefix.status()).isEqualTo(401);
            assertThat(basic.status()).isEqualTo(401);
        });
    }

    @Test
    void tokenProtectedMetricsAcceptConfiguredToken() {
        JavalinTest.test(protectedService.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/metrics", "Authorization", Http.bearer(METRICS_TOKEN));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("anycheck_logins_total");
        });
    }

    @Test
    void userAccessTokenDoesNotOpenProtectedMetrics() {
        JavalinTest.test(protectedService.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD)
                    .data().path("access_token").asText();

            Http.Reply reply = http.get("/metrics", "Authorization", Http.bearer(accessToken));

            assertThat(reply.status()).isEqualTo(401);
        });
    }

    /** The samples of one scrape, by series name with labels as Prometheus prints them. */
    record Metrics(Map<String, Double> samples) {

        private static final Pattern SAMPLE = Pattern.compile("^(\\S+(?:\\{[^}]*})?) (\\S+)$", Pattern.MULTILINE);

        static Metrics scrape(Http http) {
            Http.Reply reply = http.get("/metrics");
            assertThat(reply.status()).isEqualTo(200);
            Matcher matcher = SAMPLE.matcher(reply.body());
            Map<String, Double> samples = new java.util.HashMap<>();
            while (matcher.find()) {
                samples.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
            return new Metrics(samples);
        }

        double delta(Metrics before, String series) {
            assertThat(samples).as("series %s", series).containsKey(series);
            return samples.get(series) - before.samples.getOrDefault(series, 0.0);
        }
    }
}
