package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.ProvisionOrganizationCommand;
import id.anycheck.auth.application.ProvisionedOrganization;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.UserId;
import id.anycheck.auth.http.HttpMetrics;
import id.anycheck.auth.persistence.JdbiOrganizationRepository;
import id.anycheck.auth.persistence.JdbiUserRepository;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Organization and group request limits over HTTP: the headers, 429 RATE_LIMIT_EXCEEDED, which
 * group a request is charged to, and changes of plans and quotas. Each test provisions its own
 * organization, so the counters of different tests never meet.
 */
class RateLimitHttpTest {

    private static final String PASSWORD = "tenant password 1";

    @RegisterExtension
    static final TestService service = new TestService(Map.of(
            "ANYCHECK_PLAN_LIMITS", "starter=3,business=5,enterprise=1000",
            "ANYCHECK_RATE_LIMIT_CACHE_SECONDS", "5"));

    /** Scopes that rejected requests, as the metrics would see them. */
    private final ConcurrentLinkedQueue<String> rejectedScopes = new ConcurrentLinkedQueue<>();

    /** An organization with its Admin logged in, and the API key it was provisioned with. */
    private record Tenant(OrganizationId organizationId, UserId adminId, GroupId defaultGroupId, String accessToken,
            String apiKey) {

        String[] authorization() {
            return new String[] {"Authorization", bearer(accessToken)};
        }
    }

    @Test
    void successCarriesRateLimitHeaders() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");

            Http.Reply reply = http.get("/auth/me", tenant.authorization());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-RateLimit-Limit")).contains("5");
            assertThat(reply.header("X-RateLimit-Remaining")).contains("4");
            long now = service.clock.instant().getEpochSecond();
            assertThat(Long.parseLong(reply.header("X-RateLimit-Reset").orElseThrow())).isBetween(now + 1, now + 60);
            assertThat(reply.header("Retry-After")).isEmpty();
            assertThat(reply.header("RateLimit-Policy")).contains("\"organization\";q=5;w=60");
            assertThat(reply.header("RateLimit").orElseThrow()).matches("\"organization\";r=4;t=\\d+");
        });
    }

    @Test
    void overLimitGets429WithHeaders() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("/auth/me", tenant.authorization()).status()).as("request %d", i).isEqualTo(200);
            }

            Http.Reply rejected = http.get("/auth/me", tenant.authorization());

            assertThat(rejected.status()).isEqualTo(429);
            assertThat(rejected.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(rejected.json().path("success").asBoolean(true)).isFalse();
            assertThat(rejected.header("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(rejected.header("X-RateLimit-Limit")).contains("5");
            assertThat(rejected.header("X-RateLimit-Remaining")).contains("0");
            long retryAfter = Long.parseLong(rejected.header("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            long reset = Long.parseLong(rejected.header("X-RateLimit-Reset").orElseThrow());
            assertThat(reset).isEqualTo(service.clock.instant().getEpochSecond() + retryAfter);
            assertThat(rejected.header("RateLimit").orElseThrow()).startsWith("\"organization\";r=0;");
            assertThat(rejectedScopes).containsExactly("organization");
        });
    }

    @Test
    void errorAfterAuthenticationCarriesHeaders() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");

            Http.Reply reply = http.get("/groups/" + GroupId.random(), tenant.authorization());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.header("X-RateLimit-Limit")).contains("5");
            assertThat(reply.header("X-RateLimit-Remaining")).contains("4");
        });
    }

    @Test
    void failedAuthenticationIsNotCharged() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply reply = http.get("/auth/me", "Authorization", bearer("not-a-token"));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("X-RateLimit-Limit")).isEmpty();
        });
    }

    @Test
    void healthChecksAreNotLimited() {
        JavalinTest.test(app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/health");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-RateLimit-Limit")).isEmpty();
        });
    }

    @Test
    void groupQuotaBelowOrganizationLimitApplies() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            GroupId group = addGroup(tenant, Optional.of(2));
            String path = "/groups/" + group;

            Http.Reply first = http.get(path, tenant.authorization());
            Http.Reply second = http.get(path, tenant.authorization());
            Http.Reply rejected = http.get(path, tenant.authorization());

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("X-RateLimit-Limit")).contains("2");
            assertThat(first.header("X-RateLimit-Remaining")).contains("1");
            assertThat(first.header("RateLimit-Policy")).contains("\"organization\";q=5;w=60, \"group\";q=2;w=60");
            assertThat(second.status()).isEqualTo(200);
            assertThat(rejected.status()).isEqualTo(429);
            assertThat(rejected.header("X-RateLimit-Limit")).contains("2");
            assertThat(rejectedScopes).containsExactly("group");
            Http.Reply organizationOnly = http.get("/auth/me", tenant.authorization());
            assertThat(organizationOnly.status()).isEqualTo(200);
            assertThat(organizationOnly.header("X-RateLimit-Remaining")).as("rejected request not charged").contains("2");
        });
    }

    @Test
    void rejectionsAreCountedInMetrics() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            String path = "/groups/" + addGroup(tenant, Optional.of(1));
            http.get(path, tenant.authorization());
            MetricsHttpTest.Metrics before = MetricsHttpTest.Metrics.scrape(http);

            Http.Reply rejected = http.get(path, tenant.authorization());
            MetricsHttpTest.Metrics after = MetricsHttpTest.Metrics.scrape(http);

            assertThat(rejected.status()).isEqualTo(429);
            assertThat(after.delta(before, "anycheck_rate_limit_rejections_total{scope=\"group\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_rate_limit_rejections_total{scope=\"organization\"}")).isZero();
        });
    }

    @Test
    void groupsShareOrganizationLimit() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            String first = "/groups/" + addGroup(tenant, Optional.of(4));
            String second = "/groups/" + addGroup(tenant, Optional.of(4));
            for (int i = 0; i < 3; i++) {
                assertThat(http.get(first, tenant.authorization()).status()).isEqualTo(200);
            }

            Http.Reply fourth = http.get(second, tenant.authorization());
            Http.Reply fifth = http.get(second, tenant.authorization());
            Http.Reply rejected = http.get(second, tenant.authorization());

            assertThat(fourth.status()).isEqualTo(200);
            assertThat(fourth.header("X-RateLimit-Limit")).as("organization closer to exhaustion").contains("5");
            assertThat(fourth.header("X-RateLimit-Remaining")).contains("1");
            assertThat(fifth.status()).isEqualTo(200);
            assertThat(rejected.status()).isEqualTo(429);
            assertThat(rejectedScopes).containsExactly("organization");
        });
    }

    @Test
    void groupIdQueryParameterNamesGroup() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            GroupId group = addGroup(tenant, Optional.of(1));

            Http.Reply charged = http.get("/auth/me?group_id=" + group, tenant.authorization());
            Http.Reply rejected = http.get("/auth/me?group_id=" + group, tenant.authorization());
            Http.Reply malformed = http.get("/auth/me?group_id=not-a-uuid", tenant.authorization());

            assertThat(charged.header("X-RateLimit-Limit")).contains("1");
            assertThat(rejected.status()).isEqualTo(429);
            assertThat(malformed.status()).isEqualTo(200);
            assertThat(malformed.header("X-RateLimit-Limit")).contains("5");
        });
    }

    @Test
    void apiKeyIsChargedToItsOwnGroup() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            GroupId named = addGroup(tenant, Optional.of(100));
            assertThat(organizations().changeGroupRateLimit(tenant.organizationId(), tenant.defaultGroupId(),
                    Optional.of(1))).isTrue();
            service.service.applyRateLimits().groupQuotaChanged(tenant.organizationId(), tenant.defaultGroupId());

            Http.Reply first = http.get("/auth/me?group_id=" + named, "X-API-Key", tenant.apiKey());
            Http.Reply rejected = http.get("/groups/" + named, "X-API-Key", tenant.apiKey());

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("X-RateLimit-Limit")).contains("1");
            assertThat(rejected.status()).isEqualTo(429);
            assertThat(rejected.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(rejectedScopes).containsExactly("group");
        });
    }

    @Test
    void groupRouteChargesItsGroup() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            GroupId group = addGroup(tenant, Optional.of(3));

            Http.Reply groupReply = http.get("/groups/" + group, tenant.authorization());
            Http.Reply services = http.get("/groups/" + group + "/services", tenant.authorization());

            assertThat(groupReply.status()).isEqualTo(200);
            assertThat(groupReply.header("X-RateLimit-Limit")).contains("3");
            assertThat(groupReply.header("X-RateLimit-Remaining")).contains("2");
            assertThat(services.status()).isEqualTo(200);
            assertThat(services.header("X-RateLimit-Remaining")).contains("1");
        });
    }

    @Test
    void otherOrganizationsGroupIsNotCharged() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "business");
            Tenant other = tenant(http, "business");
            GroupId othersGroup = addGroup(other, Optional.of(1));

            for (int i = 0; i < 3; i++) {
                Http.Reply reply = http.get("/groups/" + othersGroup, tenant.authorization());
                assertThat(reply.status()).as("another organization's group").isEqualTo(404);
                assertThat(reply.header("RateLimit-Policy")).contains("\"organization\";q=5;w=60");
            }
            assertThat(http.get("/groups/" + othersGroup, other.authorization()).status()).isEqualTo(200);
        });
    }

    @Test
    void groupQuotaChangeAppliesWhenAnnounced() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "enterprise");
            GroupId group = addGroup(tenant, Optional.of(2));
            String path = "/groups/" + group;
            http.get(path, tenant.authorization());
            http.get(path, tenant.authorization());
            assertThat(http.get(path, tenant.authorization()).status()).isEqualTo(429);

            assertThat(organizations().changeGroupRateLimit(tenant.organizationId(), group, Optional.of(10))).isTrue();
            service.service.applyRateLimits().groupQuotaChanged(tenant.organizationId(), group);
            Http.Reply raised = http.get(path, tenant.authorization());

            assertThat(raised.status()).isEqualTo(200);
            assertThat(raised.header("X-RateLimit-Limit")).contains("10");
            assertThat(raised.header("X-RateLimit-Remaining")).as("earlier requests still count").contains("7");
        });
    }

    @Test
    void planChangeAppliesAfterCacheTime() {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "starter");
            assertThat(http.get("/auth/me", tenant.authorization()).header("X-RateLimit-Limit")).contains("3");

            assertThat(organizations().changePlan(tenant.organizationId(), Plan.ENTERPRISE)).isTrue();

            assertThat(http.get("/auth/me", tenant.authorization()).header("X-RateLimit-Limit"))
                    .as("within the cache time").contains("3");
            service.withClockAdvanced(Duration.ofSeconds(6), () -> {
                Http.Reply upgraded = http.get("/auth/me", tenant.authorization());
                assertThat(upgraded.status()).isEqualTo(200);
                assertThat(upgraded.header("X-RateLimit-Limit")).contains("1000");
            });
        });
    }

    @Test
    void concurrentRequestsGetExactlyQuota() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = tenant(http, "enterprise");
            String path = "/groups/" + addGroup(tenant, Optional.of(50));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return http.get(path, tenant.authorization()).status();
                    }));
                }
                start.countDown();
                List<Integer> results = new ArrayList<>();
                for (Future<Integer> status : statuses) {
                    results.add(status.get(60, TimeUnit.SECONDS));
                }

                assertThat(results.stream().filter(status -> status == 200).count()).isEqualTo(50);
                assertThat(results.stream().filter(status -> status == 429).count()).isEqualTo(150);
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        });
    }

    private Javalin app() {
        return appRecordingRejections(service, rejectedScopes);
    }

    /**
     * Creates the application with an after-handler that adds the scope of each rate limit
     * rejection, from the request attribute the metrics read, to {@code scopes}.
     */
    static Javalin appRecordingRejections(TestService service, Queue<String> scopes) {
        return service.service.httpApp(config -> {
            config.jetty.host = TestService.LOOPBACK;
            config.routes.after(ctx -> {
                String scope = ctx.attribute(HttpMetrics.RATE_LIMIT_SCOPE_ATTRIBUTE);
                if (scope != null) {
                    scopes.add(scope);
                }
            });
        });
    }

    private Tenant tenant(Http http, String plan) {
        String email = "admin-" + UUID.randomUUID() + "@tenant.example";
        ProvisionedOrganization provisioned = service.service.provisionOrganization().provision(
                new ProvisionOrganizationCommand("Tenant " + UUID.randomUUID(), plan, email, "Tess Tenant",
                        Optional.of(PASSWORD)));
        Http.Reply login = http.logIn(email, PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        // A user's request is charged to a group only when the user has a role in it.
        users().putMembership(new Membership(provisioned.admin().id(), provisioned.defaultGroup().id(), Role.USER));
        return new Tenant(provisioned.organization().id(), provisioned.admin().id(), provisioned.defaultGroup().id(),
                login.data().path("access_token").asText(), provisioned.firstApiKey().plaintext().reveal());
    }

    /** Stores a further group with plain SQL, with the tenant's user as a member of it. */
    private static GroupId addGroup(Tenant tenant, Optional<Integer> rateLimitPerMinute) {
        GroupId id = GroupId.random();
        service.service.database().jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO organization_groups (id, organization_id, name, rate_limit_per_minute, created_at)
                        VALUES (:id, :organizationId, :name, :rateLimitPerMinute, :createdAt)
                        """)
                .bind("id", id.value())
                .bind("organizationId", tenant.organizationId().value())
                .bind("name", "Group " + id)
                .bindByType("rateLimitPerMinute", rateLimitPerMinute.orElse(null), Integer.class)
                .bind("createdAt", service.clock.instant())
                .execute());
        users().putMembership(new Membership(tenant.adminId(), id, Role.USER));
        return id;
    }

    private static JdbiUserRepository users() {
        return new JdbiUserRepository(service.service.database().jdbi());
    }

    private static JdbiOrganizationRepository organizations() {
        return new JdbiOrganizationRepository(service.service.database().jdbi());
    }
}
