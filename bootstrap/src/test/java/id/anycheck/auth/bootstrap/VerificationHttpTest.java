package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /verifications} over real HTTP: creating pending records, and which caller can read which. */
class VerificationHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void userCreatesPendingVerification() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String user = Tenant.token(http, tenant.userEmail);

            Http.Reply created = http.postJson("/verifications", Http.json(Map.of("service", "identity_check",
                    "group_id", tenant.groupId(), "reference_id", "order-17",
                    "subject", Map.of("name", "Ana Lima", "document_number", "123"))), "Authorization", bearer(user));

            assertThat(created.status()).isEqualTo(201);
            JsonNode data = created.data();
            assertThat(LoginHttpTest.fieldNames(data)).containsExactly("id", "service", "status", "group_id",
                    "environment", "reference_id", "subject", "created_by", "created_at");
            assertThat(data.path("status").asText()).isEqualTo("pending");
            assertThat(data.path("environment").asText()).isEqualTo("live");
            assertThat(data.path("subject").path("name").asText()).isEqualTo("Ana Lima");
            assertThat(data.path("created_by").path("type").asText()).isEqualTo("user");
            assertThat(data.path("created_by").path("id").asText()).isEqualTo(tenant.userId.toString());

            Http.Reply fetched = http.get("/verifications/" + data.path("id").asText(), "Authorization", bearer(user));
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.data()).isEqualTo(data);
        });
    }

    @Test
    void apiKeyCreatesInItsGroupAndEnvironment() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String testKey = http.postJson("/api-keys", Http.json(Map.of("name", "Staging", "group_id",
                    tenant.groupId(), "environment", "test")), "Authorization", bearer(admin)).data().path("key")
                    .asText();

            Http.Reply created = http.postJson("/verifications", Http.json(Map.of("service", "liveness",
                    "subject", Map.of("selfie", "ref"))), "X-API-Key", testKey);
            Http.Reply listed = http.get("/verifications", "X-API-Key", testKey);

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.data().path("group_id").asText()).isEqualTo(tenant.groupId());
            assertThat(created.data().path("environment").asText()).isEqualTo("test");
            assertThat(created.data().path("created_by").path("type").asText()).isEqualTo("api_key");
            assertThat(listed.data().path("items")).hasSize(1);
        });
    }

    @Test
    void groupInBodyCountsAgainstItsQuota() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            http.send("PATCH", "/groups/" + tenant.groupId(), "application/json",
                    "{\"rate_limit_per_minute\": 2}".getBytes(), "Authorization",
                    bearer(Tenant.token(http, tenant.adminEmail)));
            String user = Tenant.token(http, tenant.userEmail);
            String body = Http.json(Map.of("service", "liveness", "group_id", tenant.groupId(), "subject", Map.of()));

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(http.postJson("/verifications", body, "Authorization", bearer(user)).status());
            }

            assertThat(statuses).containsExactly(201, 201, 429);
        });
    }

    @Test
    void keysSeeOnlyTheirEnvironment() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String testKey = http.postJson("/api-keys", Http.json(Map.of("name", "Staging", "group_id",
                    tenant.groupId(), "environment", "test")), "Authorization", bearer(admin)).data().path("key")
                    .asText();
            String live = create(http, admin, tenant.groupId(), "live-one");
            String test = http.postJson("/verifications", Http.json(Map.of("service", "liveness",
                    "subject", Map.of())), "X-API-Key", testKey).data().path("id").asText();

            assertThat(ids(http.get("/verifications", "X-API-Key", testKey))).containsExactly(test);
            assertThat(ids(http.get("/verifications?environment=live", "X-API-Key", testKey))).isEmpty();
            assertThat(ids(http.get("/verifications", "X-API-Key", tenant.apiKey()))).containsExactly(live);
            assertThat(http.get("/verifications/" + live, "X-API-Key", testKey).status()).isEqualTo(404);
            assertThat(ids(http.get("/verifications?environment=test", "Authorization", bearer(admin))))
                    .containsExactly(test);
            assertThat(http.get("/verifications?environment=prod", "Authorization", bearer(admin)).status())
                    .isEqualTo(400);
        });
    }

    @Test
    void serviceNotEnabledIsForbidden() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            http.send("PUT", "/groups/" + tenant.groupId() + "/services", "application/json",
                    "{\"services\": [\"liveness\"]}".getBytes(), "Authorization", bearer(admin));

            Http.Reply reply = http.postJson("/verifications", Http.json(Map.of("service", "face_match",
                    "subject", Map.of())), "X-API-Key", tenant.apiKey());

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("SERVICE_NOT_ENABLED");
            assertThat(http.get("/verifications", "Authorization", bearer(admin)).data().path("items")).isEmpty();
        });
    }

    @Test
    void createRejectsBadInput() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String user = Tenant.token(http, tenant.userEmail);

            Http.Reply missing = http.postJson("/verifications", "{\"subject\": \"Ana\"}", "Authorization",
                    bearer(user));
            Http.Reply unknownService = http.postJson("/verifications", Http.json(Map.of("service", "palm_reading",
                    "group_id", "nope", "subject", Map.of())), "Authorization", bearer(user));
            Http.Reply tooLarge = http.postJson("/verifications", Http.json(Map.of("service", "liveness",
                    "subject", Map.of("blob", "x".repeat(17_000)))), "Authorization", bearer(user));

            assertThat(missing.status()).isEqualTo(400);
            assertThat(AccessHttpTest.fields(missing)).containsExactly("service", "subject");
            assertThat(unknownService.status()).isEqualTo(400);
            assertThat(AccessHttpTest.fields(unknownService)).containsExactly("service", "group_id");
            assertThat(tooLarge.status()).isEqualTo(400);
            assertThat(AccessHttpTest.fields(tooLarge)).containsExactly("subject");
        });
    }

    @Test
    void groupOutsideCallersGroupsIsRefused() {
        Tenant tenant = Tenant.create(service);
        Tenant other = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String secondGroup = http.postJson("/groups", "{\"name\": \"Second\"}", "Authorization", bearer(admin))
                    .data().path("id").asText();
            String user = Tenant.token(http, tenant.userEmail);

            Http.Reply notMember = http.postJson("/verifications", Http.json(Map.of("service", "liveness",
                    "group_id", secondGroup, "subject", Map.of())), "Authorization", bearer(user));
            Http.Reply foreign = http.postJson("/verifications", Http.json(Map.of("service", "liveness",
                    "group_id", other.groupId(), "subject", Map.of())), "Authorization", bearer(user));
            Http.Reply keyElsewhere = http.postJson("/verifications", Http.json(Map.of("service", "liveness",
                    "group_id", secondGroup, "subject", Map.of())), "X-API-Key", tenant.apiKey());

            assertThat(notMember.status()).isEqualTo(403);
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(keyElsewhere.status()).isEqualTo(403);
        });
    }

    @Test
    void visibilityFollowsGroups() {
        Tenant tenant = Tenant.create(service);
        Tenant other = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String secondGroup = http.postJson("/groups", "{\"name\": \"Second\"}", "Authorization", bearer(admin))
                    .data().path("id").asText();
            String inDefault = create(http, admin, tenant.groupId(), "a");
            String inSecond = create(http, admin, secondGroup, "b");
            String foreign = create(http, Tenant.token(http, other.adminEmail), other.groupId(), "c");

            assertThat(ids(http.get("/verifications", "Authorization", bearer(admin))))
                    .containsExactlyInAnyOrder(inDefault, inSecond);
            assertThat(ids(http.get("/verifications", "Authorization", bearer(Tenant.token(http, tenant.userEmail)))))
                    .containsExactly(inDefault);
            assertThat(ids(http.get("/verifications", "X-API-Key", tenant.apiKey()))).containsExactly(inDefault);
            assertThat(ids(http.get("/verifications?group_id=" + secondGroup, "Authorization",
                    bearer(Tenant.token(http, tenant.managerEmail))))).isEmpty();
            String userToken = Tenant.token(http, tenant.userEmail);
            assertThat(http.get("/verifications/" + inSecond, "Authorization", bearer(userToken)).status())
                    .isEqualTo(404);
            assertThat(http.get("/verifications/" + foreign, "Authorization", bearer(admin)).status()).isEqualTo(404);
        });
    }

    @Test
    void listFiltersAndPages() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            for (int i = 0; i < 5; i++) {
                create(http, admin, tenant.groupId(), "ref-" + i);
            }

            List<String> seen = new ArrayList<>();
            String path = "/verifications?limit=2";
            for (int page = 0; page < 5 && path != null; page++) {
                JsonNode data = http.get(path, "Authorization", bearer(admin)).data();
                data.path("items").forEach(item -> seen.add(item.path("reference_id").asText()));
                path = data.path("next_cursor").isNull() ? null
                        : "/verifications?limit=2&cursor=" + data.path("next_cursor").asText();
            }

            assertThat(seen).containsExactlyInAnyOrder("ref-0", "ref-1", "ref-2", "ref-3", "ref-4");
            assertThat(ids(http.get("/verifications?reference_id=ref-3", "Authorization", bearer(admin)))).hasSize(1);
            assertThat(ids(http.get("/verifications?status=completed", "Authorization", bearer(admin)))).isEmpty();
            assertThat(ids(http.get("/verifications?since=2026-12-04T10:00:00Z&until=2026-12-04T10:00:01Z",
                    "Authorization", bearer(admin)))).hasSize(5);
            for (String query : List.of("status=done", "since=yesterday", "group_id=x", "limit=0")) {
                Http.Reply reply = http.get("/verifications?" + query, "Authorization", bearer(admin));
                assertThat(reply.status()).as(query).isEqualTo(400);
                assertThat(reply.errorCode()).as(query).isEqualTo("VALIDATION_ERROR");
            }
            assertThat(http.get("/verifications/" + UUID.randomUUID(), "Authorization", bearer(admin)).status())
                    .isEqualTo(404);
        });
    }

    private static String create(Http http, String token, String groupId, String referenceId) {
        Http.Reply reply = http.postJson("/verifications", Http.json(Map.of("service", "liveness", "group_id", groupId,
                "reference_id", referenceId, "subject", Map.of("n", referenceId))), "Authorization", bearer(token));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.data().path("id").asText();
    }

    private static List<String> ids(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.data().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
