package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.application.CreateUserCommand;
import id.anycheck.auth.application.ProvisionOrganizationCommand;
import id.anycheck.auth.application.ProvisionedOrganization;
import id.anycheck.auth.domain.user.Role;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API keys over real HTTP: the Admin endpoints, the X-API-Key header and the audit records. */
class ApiKeyHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    private static final String PASSWORD = "tenant password 1";

    /** A fresh organization per test, so key limits and lists do not depend on other tests. */
    private record Tenant(ProvisionedOrganization organization, String adminEmail, String managerEmail) {

        String groupId() {
            return organization.defaultGroup().id().toString();
        }

        String firstKey() {
            return organization.firstApiKey().plaintext().reveal();
        }
    }

    @Test
    void adminIssuesKeyThatAuthenticates() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply issued = issue(http, adminToken(http, tenant), Map.of(
                    "name", "Billing server", "group_id", tenant.groupId(), "environment", "test"));

            assertThat(issued.status()).isEqualTo(201);
            assertThat(issued.header("Cache-Control")).contains("no-store");
            JsonNode key = issued.data();
            assertThat(LoginHttpTest.fieldNames(key)).containsExactly("id", "key", "prefix", "name", "group_id",
                    "environment", "status", "created_at", "created_by", "expires_at", "last_used_at", "rotated_at",
                    "revoked_at", "replaces_key_id");
            assertThat(key.path("key").asText()).matches("ak_test_[0-9A-Za-z]{55}")
                    .startsWith(key.path("prefix").asText());
            assertThat(key.path("status").asText()).isEqualTo("active");
            assertThat(key.path("created_at").asText()).isEqualTo("2026-12-04T10:00:00Z");
            assertThat(key.path("expires_at").asText()).isEqualTo("2027-03-04T10:00:00Z");
            assertThat(key.path("created_by").path("type").asText()).isEqualTo("user");

            Http.Reply me = http.get("/auth/me", "X-API-Key", key.path("key").asText());

            assertThat(me.status()).isEqualTo(200);
            assertThat(me.data().path("principal_type").asText()).isEqualTo("api_key");
            assertThat(me.data().path("api_key").path("id").asText()).isEqualTo(key.path("id").asText());
            assertThat(me.data().path("api_key").path("name").asText()).isEqualTo("Billing server");
            assertThat(me.data().path("api_key").path("environment").asText()).isEqualTo("test");
            assertThat(me.data().path("organization").path("id").asText())
                    .isEqualTo(tenant.organization().organization().id().toString());
            assertThat(me.data().path("group").path("id").asText()).isEqualTo(tenant.groupId());
            assertThat(me.data().path("role").asText()).isEqualTo("USER");
        });
    }

    @Test
    void provisionedKeyWorksAndIsListedWithoutSecret() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            assertThat(http.get("/auth/me", "X-API-Key", tenant.firstKey()).status()).isEqualTo(200);
            Http.Reply list = http.get("/api-keys", "Authorization", bearer(adminToken(http, tenant)));

            assertThat(list.status()).isEqualTo(200);
            JsonNode item = list.data().path("items").get(0);
            assertThat(list.data().path("items")).hasSize(1);
            assertThat(list.data().path("next_cursor").isNull()).isTrue();
            assertThat(item.path("key").isNull()).isTrue();
            assertThat(list.body()).doesNotContain(tenant.firstKey());
            assertThat(item.path("prefix").asText()).isEqualTo(tenant.organization().firstApiKey().key().prefix());
            assertThat(item.path("created_by").path("type").asText()).isEqualTo("operator");
            assertThat(item.path("last_used_at").asText()).isEqualTo("2026-12-04T10:00:00Z");
        });
    }

    @Test
    void listPagesWithCursor() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = adminToken(http, tenant);
            issue(http, token, Map.of("name", "Second", "group_id", tenant.groupId(), "environment", "live"));
            issue(http, token, Map.of("name", "Third", "group_id", tenant.groupId(), "environment", "live"));

            List<String> names = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String path = "/api-keys?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
                JsonNode page = http.get(path, "Authorization", bearer(token)).data();
                page.path("items").forEach(item -> names.add(item.path("name").asText()));
                cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
                pages++;
            } while (cursor != null && pages < 5);

            assertThat(pages).isEqualTo(2);
            assertThat(names).containsExactlyInAnyOrder("First live key", "Second", "Third");
        });
    }

    @Test
    void badListParametersAreValidationErrors() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = adminToken(http, tenant);

            for (String query : List.of("limit=0", "limit=101", "limit=ten", "cursor=%21%21", "cursor=bm90LWEtY3Vyc29y")) {
                Http.Reply reply = http.get("/api-keys?" + query, "Authorization", bearer(token));

                assertThat(reply.status()).as(query).isEqualTo(400);
                assertThat(reply.errorCode()).as(query).isEqualTo("VALIDATION_ERROR");
            }
        });
    }

    @Test
    void issueNamesEveryInvalidField() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply reply = http.postJson("/api-keys",
                    "{\"group_id\": \"nope\", \"environment\": \"prod\", \"expires_in_days\": 91}",
                    "Authorization", bearer(adminToken(http, tenant)));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
            List<String> fields = new ArrayList<>();
            reply.json().path("error").path("details").forEach(detail -> fields.add(detail.path("field").asText()));
            assertThat(fields).containsExactly("name");
            Http.Reply second = http.postJson("/api-keys",
                    "{\"name\": \"x\", \"group_id\": \"nope\", \"environment\": \"prod\", \"expires_in_days\": 91}",
                    "Authorization", bearer(adminToken(http, tenant)));
            List<String> secondFields = new ArrayList<>();
            second.json().path("error").path("details").forEach(d -> secondFields.add(d.path("field").asText()));
            assertThat(secondFields).containsExactly("group_id", "environment", "expires_in_days");
            assertThat(keyCount(tenant)).isEqualTo(1);
        });
    }

    @Test
    void issueInGroupOfOtherOrganizationIsRejected() {
        Tenant tenant = newTenant();
        Tenant other = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply reply = issue(http, adminToken(http, tenant),
                    Map.of("name", "Sneaky", "group_id", other.groupId(), "environment", "live"));

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void issueBeyondContractLimitConflicts() {
        Tenant tenant = newTenant();
        service.service.setApiKeyLimit().set(tenant.organization().organization().id(), 1);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply reply = issue(http, adminToken(http, tenant),
                    Map.of("name", "Second", "group_id", tenant.groupId(), "environment", "live"));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.errorCode()).isEqualTo("CONFLICT");
            assertThat(reply.json().path("error").path("message").asText()).contains("contract limit of 1 active API keys");
        });
    }

    @Test
    void managersUsersAndKeysGetForbidden() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String managerToken = token(http, tenant.managerEmail());
            String keyId = tenant.organization().firstApiKey().key().id().toString();
            Map<String, String> body = Map.of("name", "x", "group_id", tenant.groupId(), "environment", "live");

            List<Http.Reply> replies = List.of(
                    http.get("/api-keys", "Authorization", bearer(managerToken)),
                    issue(http, managerToken, body),
                    http.post("/api-keys/" + keyId + "/rotate", "Authorization", bearer(managerToken)),
                    http.send("DELETE", "/api-keys/" + keyId, null, null, "Authorization", bearer(managerToken)),
                    http.get("/api-keys", "X-API-Key", tenant.firstKey()),
                    http.postJson("/api-keys", Http.json(body), "X-API-Key", tenant.firstKey()));

            for (Http.Reply reply : replies) {
                assertThat(reply.status()).isEqualTo(403);
                assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
            }
            assertThat(http.get("/auth/me", "X-API-Key", tenant.firstKey()).status()).isEqualTo(200);
        });
    }

    @Test
    void keysOfOtherOrganizationsAreNotFound() {
        Tenant tenant = newTenant();
        Tenant other = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = adminToken(http, tenant);
            String foreignKeyId = other.organization().firstApiKey().key().id().toString();

            List<Http.Reply> replies = List.of(
                    http.post("/api-keys/" + foreignKeyId + "/rotate", "Authorization", bearer(token)),
                    http.send("DELETE", "/api-keys/" + foreignKeyId, null, null, "Authorization", bearer(token)),
                    http.send("DELETE", "/api-keys/" + UUID.randomUUID(), null, null, "Authorization", bearer(token)),
                    http.send("DELETE", "/api-keys/not-an-id", null, null, "Authorization", bearer(token)));

            for (Http.Reply reply : replies) {
                assertThat(reply.status()).isEqualTo(404);
                assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
            }
            assertThat(http.get("/auth/me", "X-API-Key", other.firstKey()).status()).isEqualTo(200);
        });
    }

    @Test
    void revokedKeyStopsAtOnce() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String keyId = tenant.organization().firstApiKey().key().id().toString();
            assertThat(http.get("/auth/me", "X-API-Key", tenant.firstKey()).status()).isEqualTo(200);

            Http.Reply revoked = http.send("DELETE", "/api-keys/" + keyId, null, null,
                    "Authorization", bearer(adminToken(http, tenant)));
            Http.Reply rejected = http.get("/auth/me", "X-API-Key", tenant.firstKey());

            assertThat(revoked.status()).isEqualTo(204);
            assertThat(rejected.status()).isEqualTo(401);
            assertThat(rejected.errorCode()).isEqualTo("INVALID_API_KEY");
            assertThat(rejected.json().path("error").path("message").asText())
                    .isEqualTo("API key is invalid or inactive");
            Http.Reply again = http.send("DELETE", "/api-keys/" + keyId, null, null,
                    "Authorization", bearer(adminToken(http, tenant)));
            assertThat(again.status()).isEqualTo(204);
        });
    }

    @Test
    void rotatedKeyWorksThroughGracePeriod() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String keyId = tenant.organization().firstApiKey().key().id().toString();

            Http.Reply rotated = http.postJson("/api-keys/" + keyId + "/rotate", "{\"grace_period_hours\": 2}",
                    "Authorization", bearer(adminToken(http, tenant)));

            assertThat(rotated.status()).isEqualTo(201);
            String newKey = rotated.data().path("key").asText();
            assertThat(rotated.data().path("replaces_key_id").asText()).isEqualTo(keyId);
            assertThat(rotated.data().path("id").asText()).isNotEqualTo(keyId);
            assertThat(http.get("/auth/me", "X-API-Key", tenant.firstKey()).status()).isEqualTo(200);
            assertThat(http.get("/auth/me", "X-API-Key", newKey).status()).isEqualTo(200);
            service.withClockAdvanced(Duration.ofHours(2), () -> {
                assertThat(http.get("/auth/me", "X-API-Key", tenant.firstKey()).errorCode())
                        .isEqualTo("INVALID_API_KEY");
                assertThat(http.get("/auth/me", "X-API-Key", newKey).status()).isEqualTo(200);
            });
        });
    }

    @Test
    void rotateWithoutBodyUsesDefaults() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = adminToken(http, tenant);
            String keyId = tenant.organization().firstApiKey().key().id().toString();

            Http.Reply first = http.post("/api-keys/" + keyId + "/rotate", "Authorization", bearer(token));
            Http.Reply second = http.post("/api-keys/" + keyId + "/rotate", "Authorization", bearer(token));
            Http.Reply tooLong = http.postJson("/api-keys/" + first.data().path("id").asText() + "/rotate",
                    "{\"grace_period_hours\": 169}", "Authorization", bearer(token));

            assertThat(first.status()).isEqualTo(201);
            JsonNode old = null;
            for (JsonNode item : http.get("/api-keys", "Authorization", bearer(token)).data().path("items")) {
                if (item.path("id").asText().equals(keyId)) {
                    old = item;
                }
            }
            assertThat(old).isNotNull();
            assertThat(old.path("status").asText()).isEqualTo("rotated");
            assertThat(old.path("expires_at").asText()).isEqualTo("2026-12-05T10:00:00Z");
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.errorCode()).isEqualTo("CONFLICT");
            assertThat(tooLong.status()).isEqualTo(400);
        });
    }

    @Test
    void expiredKeyIsInvalid() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            service.withClockAdvanced(Duration.ofDays(90), () -> assertThat(
                    http.get("/auth/me", "X-API-Key", tenant.firstKey()).errorCode()).isEqualTo("INVALID_API_KEY"));
        });
    }

    @Test
    void malformedKeysAreInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            for (String key : List.of("x", "ak_live_" + "0".repeat(55), "Bearer abc", "ak_live_" + "é".repeat(55))) {
                Http.Reply reply = http.get("/auth/me", "X-API-Key", key);

                assertThat(reply.status()).as(key).isEqualTo(401);
                assertThat(reply.errorCode()).as(key).isEqualTo("INVALID_API_KEY");
                assertThat(reply.header("WWW-Authenticate")).as(key).isPresent();
            }
        });
    }

    @Test
    void logoutWithKeyIsForbidden() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).post("/auth/logout", "X-API-Key", tenant.firstKey());

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void keyEventsAreAuditedWithoutSecrets() {
        Tenant tenant = newTenant();
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = adminToken(http, tenant);
            String keyId = tenant.organization().firstApiKey().key().id().toString();
            Http.Reply issued = issue(http, token,
                    Map.of("name", "Audited", "group_id", tenant.groupId(), "environment", "live"));
            http.post("/api-keys/" + issued.data().path("id").asText() + "/rotate", "Authorization", bearer(token));
            http.send("DELETE", "/api-keys/" + keyId, null, null, "Authorization", bearer(token));
            http.get("/auth/me", "X-API-Key", tenant.firstKey());

            List<Map<String, Object>> events = service.service.database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT * FROM audit_events WHERE organization_id = :id AND event_type LIKE 'api_key.%' ORDER BY occurred_at")
                    .bind("id", tenant.organization().organization().id().value())
                    .mapToMap()
                    .list());

            assertThat(events).extracting(event -> event.get("event_type")).containsExactlyInAnyOrder(
                    "api_key.issued", "api_key.issued", "api_key.rotated", "api_key.revoked", "api_key.rejected");
            assertThat(events).filteredOn(event -> !"operator".equals(event.get("actor_kind")))
                    .hasSize(4)
                    .allSatisfy(event -> assertThat(event.get("client_ip")).isEqualTo("127.0.0.1"));
            assertThat(events.toString()).doesNotContain(tenant.firstKey()).doesNotContain(issued.data().path("key")
                    .asText());
        });
    }

    private static Http.Reply issue(Http http, String token, Map<String, String> body) {
        return http.postJson("/api-keys", Http.json(body), "Authorization", bearer(token));
    }

    private static String adminToken(Http http, Tenant tenant) {
        return token(http, tenant.adminEmail());
    }

    private static String token(Http http, String email) {
        Http.Reply login = http.logIn(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.data().path("access_token").asText();
    }

    private static long keyCount(Tenant tenant) {
        return service.service.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM api_keys WHERE organization_id = :id")
                .bind("id", tenant.organization().organization().id().value())
                .mapTo(Long.class)
                .one());
    }

    private static Tenant newTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + suffix + "@tenant.example";
        String managerEmail = "manager-" + suffix + "@tenant.example";
        ProvisionedOrganization organization = service.service.provisionOrganization().provision(
                new ProvisionOrganizationCommand("Tenant " + suffix, "business", adminEmail, "Admin",
                        Optional.of(PASSWORD)));
        Map<id.anycheck.auth.domain.organization.GroupId, Role> roles = new HashMap<>();
        roles.put(organization.defaultGroup().id(), Role.MANAGER);
        service.service.createUser().create(new CreateUserCommand(organization.organization().id(), managerEmail,
                "Manager", Optional.of(PASSWORD), roles));
        return new Tenant(organization, adminEmail, managerEmail);
    }
}
