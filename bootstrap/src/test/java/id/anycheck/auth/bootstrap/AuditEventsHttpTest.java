package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.domain.audit.AuditEventType;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /audit-events} over real HTTP: every event type produced by real requests and read
 * back, the filters, the pages, and the callers who may not read it. The loopback peer is a
 * trusted proxy, so requests can come from chosen client addresses.
 */
class AuditEventsHttpTest {

    @RegisterExtension
    static final TestService service = new TestService(Map.of("ANYCHECK_TRUSTED_PROXIES", "127.0.0.1"));

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    private static String newClient() {
        int n = NEXT_CLIENT.getAndIncrement();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    @Test
    void everyEventTypeIsRecordedAndListed() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String client = newClient();
            Http.Reply adminLogin = logIn(http, tenant.adminEmail, Tenant.PASSWORD, client, "Firefox");
            String admin = adminLogin.data().path("access_token").asText();

            // Sessions: a new device, a logout and a refresh token used twice.
            logIn(http, tenant.adminEmail, Tenant.PASSWORD, client, "Safari");
            Http.Reply userLogin = logIn(http, tenant.userEmail, Tenant.PASSWORD, client, "Firefox");
            String refreshToken = userLogin.data().path("refresh_token").asText();
            assertThat(http.refresh(refreshToken).status()).isEqualTo(200);
            assertThat(http.refresh(refreshToken).status()).isEqualTo(401);
            String managerToken = Tenant.token(http, tenant.managerEmail);
            assertThat(http.post("/auth/logout", "Authorization", bearer(managerToken)).status()).isEqualTo(204);

            // Failed logins, a lock, and an Admin's unlock.
            String guessingClient = newClient();
            for (int i = 0; i < 5; i++) {
                logIn(http, tenant.userEmail, "wrong password", guessingClient, "curl");
            }
            assertThat(http.post("/users/" + tenant.userId + "/unlock", "Authorization", bearer(admin)).status())
                    .isEqualTo(204);

            // Credential stuffing: the twentieth different email from one client is the tenant's.
            String stuffingClient = newClient();
            for (int i = 0; i < 19; i++) {
                logIn(http, "guess-" + i + "-" + UUID.randomUUID() + "@elsewhere.example", "wrong", stuffingClient,
                        "curl");
            }
            logIn(http, tenant.managerEmail, "wrong password", stuffingClient, "curl");

            // A second factor: enrolled, a wrong code, a recovery code, turned off; then a password change.
            Http.Reply mfaLogin = logIn(http, tenant.userEmail, Tenant.PASSWORD, newClient(), "Firefox");
            String mfaUser = mfaLogin.data().path("access_token").asText();
            String secret = http.post("/auth/mfa/totp", "Authorization", bearer(mfaUser)).data().path("secret")
                    .asText();
            Http.Reply confirmed = http.postJson("/auth/mfa/totp/confirm",
                    Http.json(Map.of("code", MfaHttpTest.code(secret, service.clock.instant()))), "Authorization",
                    bearer(mfaUser));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            JsonNode recoveryCodes = confirmed.data().path("recovery_codes");
            Http.Reply challenged = logIn(http, tenant.userEmail, Tenant.PASSWORD, newClient(), "Firefox");
            String mfaToken = challenged.json().path("error").path("mfa_token").asText();
            String farStep = MfaHttpTest.code(secret, service.clock.instant().plus(Duration.ofMinutes(10)));
            assertThat(http.postJson("/auth/mfa/verify", Http.json(Map.of("mfa_token", mfaToken, "code", farStep)))
                    .status()).isEqualTo(401);
            assertThat(http.postJson("/auth/mfa/verify", Http.json(Map.of("mfa_token", mfaToken,
                    "recovery_code", recoveryCodes.get(0).asText()))).status()).isEqualTo(200);
            assertThat(http.send("DELETE", "/auth/mfa/totp", "application/json",
                    bytes(Map.of("code", recoveryCodes.get(1).asText())), "Authorization", bearer(mfaUser)).status())
                    .isEqualTo(204);
            assertThat(http.postJson("/auth/password", Http.json(Map.of("current_password", Tenant.PASSWORD,
                    "new_password", "a brand new password 2")), "Authorization", bearer(mfaUser)).status())
                    .isEqualTo(204);

            // Organization, groups and services.
            String auth = bearer(admin);
            assertThat(patch(http, "/organizations/current", Map.of("name", "Renamed " + UUID.randomUUID()), auth)
                    .status()).isEqualTo(200);
            service.service.changePlan().change(tenant.organization.organization().id(), "enterprise");
            Http.Reply group = http.postJson("/groups", Http.json(Map.of("name", "Quota " + UUID.randomUUID(),
                    "rate_limit_per_minute", 1)), "Authorization", auth);
            assertThat(group.status()).isEqualTo(201);
            String groupId = group.data().path("id").asText();
            assertThat(patch(http, "/groups/" + groupId, Map.of("name", "Renamed group " + UUID.randomUUID()), auth)
                    .status()).isEqualTo(200);
            assertThat(http.send("PUT", "/groups/" + groupId + "/services", "application/json",
                    bytes(Map.of("services", List.of("identity_check"))), "Authorization", auth).status())
                    .isEqualTo(200);

            // API keys: issued, used from two networks, over the group's quota, rotated, revoked, rejected.
            Http.Reply issued = http.postJson("/api-keys", Http.json(Map.of("name", "Quota server", "group_id", groupId,
                    "environment", "live")), "Authorization", auth);
            assertThat(issued.status()).isEqualTo(201);
            String key = issued.data().path("key").asText();
            assertThat(http.get("/auth/me", "X-API-Key", key, "X-Forwarded-For", "192.0.2.10").status())
                    .isEqualTo(200);
            assertThat(http.get("/auth/me", "X-API-Key", key, "X-Forwarded-For", "198.18.0.10").status())
                    .isEqualTo(429);
            Http.Reply rotated = http.postJson("/api-keys/" + issued.data().path("id").asText() + "/rotate",
                    "{\"grace_period_hours\": 0}", "Authorization", auth);
            assertThat(rotated.status()).isEqualTo(201);
            String rotatedId = rotated.data().path("id").asText();
            assertThat(http.send("DELETE", "/api-keys/" + rotatedId, null, null, "Authorization", auth).status())
                    .isEqualTo(204);
            assertThat(http.get("/auth/me", "X-API-Key", rotated.data().path("key").asText()).status())
                    .isEqualTo(401);

            // Users, roles and memberships.
            Http.Reply created = http.postJson("/users", Http.json(Map.of("email", "new-" + UUID.randomUUID()
                    + "@tenant.example", "name", "New")), "Authorization", auth);
            assertThat(created.status()).isEqualTo(201);
            String userPath = "/users/" + created.data().path("id").asText();
            assertThat(patch(http, userPath, Map.of("name", "Renamed"), auth).status()).isEqualTo(200);
            assertThat(patch(http, userPath, Map.of("admin", true), auth).status()).isEqualTo(200);
            assertThat(patch(http, userPath, Map.of("admin", false), auth).status()).isEqualTo(200);
            assertThat(http.send("PUT", userPath + "/memberships/" + groupId, "application/json",
                    bytes(Map.of("role", "USER")), "Authorization", auth).status()).isEqualTo(200);
            assertThat(http.send("DELETE", userPath + "/memberships/" + groupId, null, null, "Authorization", auth)
                    .status()).isEqualTo(204);
            assertThat(http.post(userPath + "/password-reset", "Authorization", auth).status()).isEqualTo(200);
            assertThat(http.send("DELETE", userPath, null, null, "Authorization", auth).status()).isEqualTo(204);
            assertThat(patch(http, userPath, Map.of("active", true), auth).status()).isEqualTo(200);

            // A verification, then the group's deletion.
            assertThat(http.postJson("/verifications", Http.json(Map.of("service", "identity_check",
                    "group_id", tenant.groupId(), "subject", Map.of("name", "Ana"))), "Authorization", auth).status())
                    .isEqualTo(201);
            assertThat(http.send("DELETE", "/groups/" + groupId, null, null, "Authorization", auth).status())
                    .isEqualTo(204);

            Set<String> listed = new TreeSet<>();
            for (JsonNode event : allEvents(http, admin)) {
                listed.add(event.path("type").asText());
                if (event.path("type").asText().equals("rate_limit.exceeded")) {
                    assertThat(event.path("client_ip").asText()).isEqualTo("198.18.0.10");
                }
            }

            // Single sign-on needs an identity provider: SingleSignOnHttpTest reads its events back
            // through GET /audit-events.
            Set<String> everyType = new TreeSet<>();
            Arrays.stream(AuditEventType.values())
                    .map(AuditEventType::externalName)
                    .filter(name -> !name.startsWith("sso."))
                    .forEach(everyType::add);
            assertThat(listed).isEqualTo(everyType);
        });
    }

    @Test
    void eventCarriesActorTargetAndAddress() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String client = newClient();
            String admin = logIn(http, tenant.adminEmail, Tenant.PASSWORD, client, "Firefox").data()
                    .path("access_token").asText();
            logIn(http, tenant.userEmail, "wrong password", client, "curl");

            JsonNode failed = page(http, admin, "?type=login.failed").path("items").get(0);

            assertThat(LoginHttpTest.fieldNames(failed)).containsExactly("id", "type", "occurred_at", "actor",
                    "target_id", "client_ip", "details");
            assertThat(failed.path("type").asText()).isEqualTo("login.failed");
            assertThat(failed.path("occurred_at").asText()).isEqualTo("2026-12-04T10:00:00Z");
            assertThat(failed.path("actor").path("type").asText()).isEqualTo("anonymous");
            assertThat(failed.path("actor").path("id").isNull()).isTrue();
            assertThat(failed.path("target_id").asText()).isEqualTo(tenant.userId.toString());
            assertThat(failed.path("client_ip").asText()).isEqualTo(client);
            assertThat(failed.path("details").path("reason").asText()).isEqualTo("wrong_password");
        });
    }

    @Test
    void filtersByTypeActorAndTime() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String admin = Tenant.token(http, tenant.adminEmail);
            String auth = bearer(admin);
            http.postJson("/groups", Http.json(Map.of("name", "Early " + UUID.randomUUID())), "Authorization", auth);
            service.withClockAdvanced(Duration.ofMinutes(30), () -> http.postJson("/groups",
                    Http.json(Map.of("name", "Late " + UUID.randomUUID())), "Authorization", auth));

            assertThat(types(page(http, admin, "?type=GROUP_CREATED"))).containsExactly("group.created",
                    "group.created");
            assertThat(types(page(http, admin, "?type=group.created&since=2026-12-04T10:15:00Z")))
                    .containsExactly("group.created");
            assertThat(types(page(http, admin, "?type=group.created&until=2026-12-04T10:15:00Z")))
                    .containsExactly("group.created");
            assertThat(types(page(http, admin, "?actor=" + tenant.adminId() + "&type=group.created")))
                    .containsExactly("group.created", "group.created");
            assertThat(types(page(http, admin, "?actor=" + tenant.userId + "&type=group.created"))).isEmpty();
            assertThat(types(page(http, admin, "?actor=" + tenant.adminId().toUpperCase(Locale.ROOT)
                    + "&type=group.created"))).hasSize(2);
        });
    }

    @Test
    void pagesFollowCursor() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String admin = Tenant.token(http, tenant.adminEmail);
            for (int i = 0; i < 5; i++) {
                http.postJson("/groups", Http.json(Map.of("name", "Group " + i + " " + UUID.randomUUID())),
                        "Authorization", bearer(admin));
            }

            JsonNode first = page(http, admin, "?type=group.created&limit=3");
            JsonNode second = page(http, admin, "?type=group.created&limit=3&cursor="
                    + first.path("next_cursor").asText());

            assertThat(first.path("items")).hasSize(3);
            assertThat(second.path("items")).hasSize(2);
            assertThat(second.path("next_cursor").isNull()).isTrue();
            Set<String> ids = new TreeSet<>();
            first.path("items").forEach(event -> ids.add(event.path("id").asText()));
            second.path("items").forEach(event -> ids.add(event.path("id").asText()));
            assertThat(ids).hasSize(5);
        });
    }

    @Test
    void otherOrganizationsEventsAreHidden() {
        Tenant tenant = Tenant.create(service);
        Tenant other = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String otherAdmin = Tenant.token(http, other.adminEmail);
            http.postJson("/groups", Http.json(Map.of("name", "Secret " + UUID.randomUUID())), "Authorization",
                    bearer(otherAdmin));
            String admin = Tenant.token(http, tenant.adminEmail);

            for (JsonNode event : allEvents(http, admin)) {
                assertThat(event.path("actor").path("id").asText()).isNotEqualTo(other.adminId());
                assertThat(event.path("target_id").asText()).isNotEqualTo(other.adminId());
            }
        });
    }

    @Test
    void onlyAdminsReadEvents() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);

            assertThat(http.get("/audit-events", "Authorization", bearer(Tenant.token(http, tenant.managerEmail)))
                    .status()).isEqualTo(403);
            assertThat(http.get("/audit-events", "Authorization", bearer(Tenant.token(http, tenant.userEmail)))
                    .status()).isEqualTo(403);
            assertThat(http.get("/audit-events", "X-API-Key", tenant.apiKey()).status()).isEqualTo(403);
            assertThat(http.get("/audit-events").status()).isEqualTo(401);
        });
    }

    @Test
    void unlockWithoutFailuresReportsNone() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String admin = Tenant.token(http, tenant.adminEmail);
            assertThat(logIn(http, tenant.userEmail, Tenant.PASSWORD, newClient(), "curl").status()).isEqualTo(200);

            assertThat(http.post("/users/" + tenant.userId + "/unlock", "Authorization", bearer(admin)).status())
                    .isEqualTo(204);

            JsonNode unlocked = page(http, admin, "?type=user.unlocked").path("items").get(0);
            assertThat(unlocked.path("target_id").asText()).isEqualTo(tenant.userId.toString());
            assertThat(unlocked.path("details").path("had_failed_logins").asText())
                    .as("the user never failed a login, only logged in once").isEqualTo("false");
        });
    }

    @Test
    void badFiltersAreRejected() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String auth = bearer(Tenant.token(http, tenant.adminEmail));

            for (String query : List.of("?type=login.guessed", "?since=yesterday", "?until=2026-13-01T00:00:00Z",
                    "?limit=0", "?limit=101", "?cursor=not-a-cursor", "?actor=not-a-uuid",
                    "?type=login.failed&type=login.locked",
                    "?since=2026-12-05T03:00:00Z&until=2026-12-05T01:00:00Z")) {
                Http.Reply reply = http.get("/audit-events" + query, "Authorization", auth);
                assertThat(reply.status()).as(query).isEqualTo(400);
                assertThat(reply.errorCode()).as(query).isEqualTo("VALIDATION_ERROR");
            }
        });
    }

    private static Http.Reply logIn(Http http, String email, String password, String client, String userAgent) {
        return http.postJson("/auth/login", Http.json(Map.of("email", email, "password", password)),
                "X-Forwarded-For", client, "User-Agent", userAgent);
    }

    private static Http.Reply patch(Http http, String path, Map<String, ?> body, String authorization) {
        return http.send("PATCH", path, "application/json", bytes(body), "Authorization", authorization);
    }

    private static byte[] bytes(Map<String, ?> body) {
        return Http.json(body).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode page(Http http, String adminToken, String query) {
        Http.Reply reply = http.get("/audit-events" + query, "Authorization", bearer(adminToken));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.data();
    }

    private static List<JsonNode> allEvents(Http http, String adminToken) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = page(http, adminToken, query);
            page.path("items").forEach(events::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        return events;
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("items").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
