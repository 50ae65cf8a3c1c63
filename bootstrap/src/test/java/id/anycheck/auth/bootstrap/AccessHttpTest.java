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

/** The organization, groups, users and memberships endpoints over real HTTP, role by role. */
class AccessHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void everyMemberSeesOrganizationOnlyAdminChangesIt() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply asUser = http.get("/organizations/current", "Authorization",
                    bearer(Tenant.token(http, tenant.userEmail)));
            Http.Reply asKey = http.get("/organizations/current", "X-API-Key", tenant.apiKey());
            Http.Reply forbidden = patch(http, "/organizations/current", "{\"name\": \"Hijacked\"}",
                    Tenant.token(http, tenant.managerEmail));
            Http.Reply updated = patch(http, "/organizations/current",
                    "{\"name\": \"Renamed\", \"mfa_required\": false}", admin);
            Http.Reply mfa = patch(http, "/organizations/current", "{\"mfa_required\": true}", admin);

            assertThat(asUser.status()).isEqualTo(200);
            assertThat(LoginHttpTest.fieldNames(asUser.data())).containsExactly("id", "name", "plan", "active",
                    "mfa_required", "api_key_limit", "created_at", "sso");
            assertThat(asUser.data().path("id").asText()).isEqualTo(tenant.organizationId());
            assertThat(asKey.status()).isEqualTo(200);
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.data().path("name").asText()).isEqualTo("Renamed");
            assertThat(updated.data().path("mfa_required").asBoolean()).isFalse();
            assertThat(mfa.status()).isEqualTo(200);
            assertThat(mfa.data().path("mfa_required").asBoolean()).isTrue();
        });
    }

    @Test
    void organizationPatchRejectsBadFields() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply reply = patch(http, "/organizations/current",
                    "{\"name\": \" \", \"mfa_required\": \"yes\", \"sso\": {}}", admin);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(fields(reply))
                    .containsExactly("mfa_required", "sso.allowed_tenant_ids", "sso.unknown_users");
            Http.Reply blankName = patch(http, "/organizations/current", "{\"name\": \" \"}", admin);
            assertThat(fields(blankName)).containsExactly("name");
            assertThat(http.get("/organizations/current", "Authorization", bearer(admin)).data().path("name")
                    .asText()).startsWith("Tenant ");
        });
    }

    @Test
    void adminManagesGroupsAndServices() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply created = http.postJson("/groups", "{\"name\": \"Compliance\", \"services\": [\"liveness\"]}",
                    "Authorization", bearer(admin));
            String groupId = created.data().path("id").asText();
            Http.Reply renamed = patch(http, "/groups/" + groupId, "{\"name\": \"Risk\"}", admin);
            Http.Reply services = http.send("PUT", "/groups/" + groupId + "/services", "application/json",
                    "{\"services\": [\"face_match\", \"document_ocr\"]}".getBytes(), "Authorization", bearer(admin));
            Http.Reply list = http.get("/groups", "Authorization", bearer(admin));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.data().path("services").toString()).isEqualTo("[\"liveness\"]");
            assertThat(renamed.data().path("name").asText()).isEqualTo("Risk");
            assertThat(services.data().path("services").toString()).isEqualTo("[\"document_ocr\",\"face_match\"]");
            assertThat(list.data().path("items")).hasSize(2);
            assertThat(list.data().path("next_cursor").isNull()).isTrue();

            Http.Reply deleted = http.send("DELETE", "/groups/" + groupId, null, null, "Authorization", bearer(admin));
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(http.get("/groups/" + groupId, "Authorization", bearer(admin)).status()).isEqualTo(404);
            Http.Reply sameName = http.postJson("/groups", "{\"name\": \"Risk\"}", "Authorization", bearer(admin));
            assertThat(sameName.status()).isEqualTo(409);
            assertThat(sameName.errorCode()).isEqualTo("CONFLICT");
        });
    }

    @Test
    void groupListPages() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            for (int i = 0; i < 4; i++) {
                http.postJson("/groups", "{\"name\": \"Group " + i + "\"}", "Authorization", bearer(admin));
            }

            List<String> names = new ArrayList<>();
            String path = "/groups?limit=2";
            for (int page = 0; page < 5 && path != null; page++) {
                JsonNode data = http.get(path, "Authorization", bearer(admin)).data();
                data.path("items").forEach(item -> names.add(item.path("name").asText()));
                path = data.path("next_cursor").isNull() ? null
                        : "/groups?limit=2&cursor=" + data.path("next_cursor").asText();
            }

            assertThat(names).containsExactlyInAnyOrder("Default", "Group 0", "Group 1", "Group 2", "Group 3");
            assertThat(http.get("/groups?limit=0", "Authorization", bearer(admin)).status()).isEqualTo(400);
            assertThat(http.get("/groups?cursor=zzz", "Authorization", bearer(admin)).status()).isEqualTo(400);
        });
    }

    @Test
    void groupQuotaIsSetChangedAndRemoved() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply created = http.postJson("/groups", "{\"name\": \"Quota\", \"rate_limit_per_minute\": 100}",
                    "Authorization", bearer(admin));
            String path = "/groups/" + created.data().path("id").asText();
            Http.Reply lowered = patch(http, path, "{\"rate_limit_per_minute\": 5}", admin);
            Http.Reply renamedOnly = patch(http, path, "{\"name\": \"Quota 2\"}", admin);
            Http.Reply removed = patch(http, path, "{\"rate_limit_per_minute\": null}", admin);
            Http.Reply zero = patch(http, path, "{\"rate_limit_per_minute\": 0}", admin);
            Http.Reply text = http.postJson("/groups", "{\"name\": \"Bad\", \"rate_limit_per_minute\": \"x\"}",
                    "Authorization", bearer(admin));

            assertThat(created.data().path("rate_limit_per_minute").asInt()).isEqualTo(100);
            assertThat(lowered.data().path("rate_limit_per_minute").asInt()).isEqualTo(5);
            assertThat(renamedOnly.data().path("rate_limit_per_minute").asInt()).isEqualTo(5);
            assertThat(removed.data().path("rate_limit_per_minute").isNull()).isTrue();
            assertThat(zero.status()).isEqualTo(400);
            assertThat(fields(zero)).containsExactly("rate_limit_per_minute");
            assertThat(text.status()).isEqualTo(400);
            assertThat(fields(text)).containsExactly("rate_limit_per_minute");
        });
    }

    @Test
    void groupQuotaAppliesAtOnce() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            patch(http, "/groups/" + tenant.groupId(), "{\"rate_limit_per_minute\": 2}",
                    Tenant.token(http, tenant.adminEmail));

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(http.get("/auth/me", "X-API-Key", tenant.apiKey()).status());
            }

            assertThat(statuses).containsExactly(200, 200, 429);
            Http.Reply lifted = patch(http, "/groups/" + tenant.groupId(), "{\"rate_limit_per_minute\": null}",
                    Tenant.token(http, tenant.adminEmail));
            assertThat(lifted.status()).as("the Admin is not charged to the exhausted group").isEqualTo(200);
            assertThat(http.get("/auth/me", "X-API-Key", tenant.apiKey()).status()).isEqualTo(200);
        });
    }

    @Test
    void newGroupEnablesEveryServiceByDefault() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply created = http.postJson("/groups", "{\"name\": \"Everything\"}", "Authorization",
                    bearer(Tenant.token(http, tenant.adminEmail)));

            assertThat(created.data().path("services").toString())
                    .isEqualTo("[\"document_ocr\",\"face_match\",\"identity_check\",\"liveness\"]");
        });
    }

    @Test
    void groupRequestsRejectBadInput() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply noName = http.postJson("/groups", "{\"services\": \"liveness\"}", "Authorization", bearer(admin));
            Http.Reply unknownService = http.send("PUT", "/groups/" + tenant.groupId() + "/services",
                    "application/json", "{\"services\": [\"mind_reading\"]}".getBytes(), "Authorization",
                    bearer(admin));

            assertThat(noName.status()).isEqualTo(400);
            assertThat(fields(noName)).containsExactly("name", "services");
            assertThat(unknownService.status()).isEqualTo(400);
            assertThat(unknownService.json().path("error").path("details").get(0).path("problem").asText())
                    .contains("mind_reading", "identity_check");
        });
    }

    @Test
    void managerSetsServicesButNotGroups() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String manager = Tenant.token(http, tenant.managerEmail);
            String user = Tenant.token(http, tenant.userEmail);
            String path = "/groups/" + tenant.groupId() + "/services";

            Http.Reply byManager = http.send("PUT", path, "application/json", "{\"services\": [\"liveness\"]}".getBytes(),
                    "Authorization", bearer(manager));
            Http.Reply byUser = http.send("PUT", path, "application/json", "{\"services\": []}".getBytes(),
                    "Authorization", bearer(user));
            Http.Reply createGroup = http.postJson("/groups", "{\"name\": \"Mine\"}", "Authorization", bearer(manager));
            Http.Reply rename = patch(http, "/groups/" + tenant.groupId(), "{\"name\": \"Mine\"}", manager);
            Http.Reply delete = http.send("DELETE", "/groups/" + tenant.groupId(), null, null, "Authorization",
                    bearer(manager));

            assertThat(byManager.status()).isEqualTo(200);
            assertThat(http.get(path, "Authorization", bearer(user)).data().path("services").toString())
                    .isEqualTo("[\"liveness\"]");
            for (Http.Reply reply : List.of(byUser, createGroup, rename, delete)) {
                assertThat(reply.status()).isEqualTo(403);
                assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
            }
        });
    }

    @Test
    void membersSeeOnlyTheirGroups() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String otherGroup = http.postJson("/groups", "{\"name\": \"Other\"}", "Authorization", bearer(admin))
                    .data().path("id").asText();
            String user = Tenant.token(http, tenant.userEmail);

            Http.Reply list = http.get("/groups", "Authorization", bearer(user));
            Http.Reply other = http.get("/groups/" + otherGroup, "Authorization", bearer(user));

            assertThat(list.data().path("items")).hasSize(1);
            assertThat(list.data().path("items").get(0).path("id").asText()).isEqualTo(tenant.groupId());
            assertThat(other.status()).isEqualTo(403);
        });
    }

    @Test
    void otherOrganizationsResourcesAreNotFound() {
        Tenant tenant = Tenant.create(service);
        Tenant other = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String foreignGroup = "/groups/" + other.groupId();
            String foreignUser = "/users/" + other.userId;

            List<Http.Reply> replies = List.of(
                    http.get(foreignGroup, "Authorization", bearer(admin)),
                    patch(http, foreignGroup, "{\"name\": \"Mine\"}", admin),
                    http.send("DELETE", foreignGroup, null, null, "Authorization", bearer(admin)),
                    http.get(foreignGroup + "/services", "Authorization", bearer(admin)),
                    http.get(foreignUser, "Authorization", bearer(admin)),
                    patch(http, foreignUser, "{\"active\": false}", admin),
                    http.send("DELETE", foreignUser, null, null, "Authorization", bearer(admin)),
                    put(http, "/users/" + tenant.userId + "/memberships/" + other.groupId(), "{\"role\": \"USER\"}",
                            admin),
                    put(http, foreignUser + "/memberships/" + tenant.groupId(), "{\"role\": \"USER\"}", admin),
                    http.get("/groups/not-a-uuid", "Authorization", bearer(admin)),
                    http.get("/users/" + UUID.randomUUID(), "Authorization", bearer(admin)));

            for (Http.Reply reply : replies) {
                assertThat(reply.status()).as(reply.body()).isEqualTo(404);
                assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
            }
            assertThat(Tenant.token(http, other.userEmail)).isNotEmpty();
        });
    }

    @Test
    void adminCreatesUserWithOneTimePassword() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String email = "new-" + UUID.randomUUID() + "@tenant.example";

            Http.Reply created = http.postJson("/users", Http.json(Map.of("email", email, "name", "New Person",
                    "memberships", List.of(Map.of("group_id", tenant.groupId(), "role", "USER")))),
                    "Authorization", bearer(admin));

            assertThat(created.status()).isEqualTo(201);
            assertThat(LoginHttpTest.fieldNames(created.data())).containsExactly("id", "email", "name", "active",
                    "admin", "created_at", "memberships", "temporary_password");
            String password = created.data().path("temporary_password").asText();
            assertThat(http.logIn(email, password).status()).isEqualTo(200);
            assertThat(created.data().path("memberships").get(0).path("role").asText()).isEqualTo("USER");

            Http.Reply fetched = http.get("/users/" + created.data().path("id").asText(), "Authorization",
                    bearer(admin));
            assertThat(fetched.data().has("temporary_password")).isFalse();
            Http.Reply duplicate = http.postJson("/users", Http.json(Map.of("email", email.toUpperCase(),
                    "name", "Again")), "Authorization", bearer(admin));
            assertThat(duplicate.status()).isEqualTo(409);
        });
    }

    @Test
    void createUserRejectsBadInput() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply missing = http.postJson("/users", "{\"memberships\": [{\"group_id\": \"x\"}]}",
                    "Authorization", bearer(admin));
            Http.Reply badRole = http.postJson("/users", Http.json(Map.of("email", "r@tenant.example", "name", "R",
                    "memberships", List.of(Map.of("group_id", tenant.groupId(), "role", "ADMIN")))),
                    "Authorization", bearer(admin));
            Http.Reply shortPassword = http.postJson("/users", Http.json(Map.of("email", "s@tenant.example",
                    "name", "S", "password", "short")), "Authorization", bearer(admin));

            assertThat(missing.status()).isEqualTo(400);
            assertThat(fields(missing)).contains("email", "name", "memberships");
            assertThat(badRole.status()).isEqualTo(400);
            assertThat(badRole.json().path("error").path("details").get(0).path("problem").asText())
                    .contains("PATCH /users/{id}");
            assertThat(shortPassword.status()).isEqualTo(400);
            Http.Reply unknownField = http.postJson("/users", Http.json(Map.of("email", "u@tenant.example",
                    "name", "U", "admin", true)), "Authorization", bearer(admin));
            assertThat(unknownField.status()).isEqualTo(400);
            assertThat(fields(unknownField)).containsExactly("admin");
        });
    }

    @Test
    void managerAddsUsersOnlyToManagedGroups() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            String otherGroup = http.postJson("/groups", "{\"name\": \"Other\"}", "Authorization", bearer(admin))
                    .data().path("id").asText();
            String manager = Tenant.token(http, tenant.managerEmail);

            Http.Reply inManaged = http.postJson("/users", Http.json(Map.of("email", "m1-" + UUID.randomUUID()
                    + "@tenant.example", "name", "M1", "memberships",
                    List.of(Map.of("group_id", tenant.groupId(), "role", "MANAGER")))), "Authorization",
                    bearer(manager));
            Http.Reply inOther = http.postJson("/users", Http.json(Map.of("email", "m2@tenant.example", "name", "M2",
                    "memberships", List.of(Map.of("group_id", otherGroup, "role", "USER")))), "Authorization",
                    bearer(manager));
            Http.Reply withoutGroup = http.postJson("/users", Http.json(Map.of("email", "m3@tenant.example",
                    "name", "M3")), "Authorization", bearer(manager));
            Http.Reply byUser = http.postJson("/users", Http.json(Map.of("email", "m4@tenant.example",
                    "name", "M4", "memberships", List.of(Map.of("group_id", tenant.groupId(), "role", "USER")))),
                    "Authorization", bearer(Tenant.token(http, tenant.userEmail)));

            assertThat(inManaged.status()).isEqualTo(201);
            assertThat(inOther.status()).isEqualTo(403);
            assertThat(withoutGroup.status()).isEqualTo(403);
            assertThat(byUser.status()).isEqualTo(403);
        });
    }

    @Test
    void managerCannotTouchAdminOrGrantAdmin() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String manager = Tenant.token(http, tenant.managerEmail);

            Http.Reply addAdmin = put(http, "/users/" + tenant.adminId() + "/memberships/" + tenant.groupId(),
                    "{\"role\": \"USER\"}", manager);
            Http.Reply grant = patch(http, "/users/" + tenant.userId, "{\"admin\": true}", manager);
            Http.Reply deactivate = http.send("DELETE", "/users/" + tenant.userId, null, null, "Authorization",
                    bearer(manager));
            Http.Reply promote = put(http, "/users/" + tenant.userId + "/memberships/" + tenant.groupId(),
                    "{\"role\": \"MANAGER\"}", manager);

            for (Http.Reply reply : List.of(addAdmin, grant, deactivate)) {
                assertThat(reply.status()).as(reply.body()).isEqualTo(403);
                assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
            }
            assertThat(promote.status()).isEqualTo(200);
            assertThat(promote.data().path("memberships").get(0).path("role").asText()).isEqualTo("MANAGER");
        });
    }

    @Test
    void usersListIsScopedByRole() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply asAdmin = http.get("/users?limit=2", "Authorization", bearer(Tenant.token(http, tenant.adminEmail)));
            Http.Reply asManager = http.get("/users", "Authorization", bearer(Tenant.token(http, tenant.managerEmail)));
            Http.Reply asUser = http.get("/users", "Authorization", bearer(Tenant.token(http, tenant.userEmail)));
            Http.Reply asKey = http.get("/users", "X-API-Key", tenant.apiKey());

            assertThat(asAdmin.data().path("items")).hasSize(2);
            assertThat(asAdmin.data().path("next_cursor").isTextual()).isTrue();
            Http.Reply nextPage = http.get("/users?cursor=" + asAdmin.data().path("next_cursor").asText(),
                    "Authorization", bearer(Tenant.token(http, tenant.adminEmail)));
            assertThat(nextPage.data().path("items")).hasSize(1);
            List<String> managerSees = new ArrayList<>();
            asManager.data().path("items").forEach(item -> managerSees.add(item.path("email").asText()));
            assertThat(managerSees).containsExactlyInAnyOrder(tenant.managerEmail, tenant.userEmail);
            assertThat(asUser.status()).isEqualTo(403);
            assertThat(asKey.status()).isEqualTo(403);
        });
    }

    @Test
    void userSeesThemselvesOnly() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String user = Tenant.token(http, tenant.userEmail);

            assertThat(http.get("/users/" + tenant.userId, "Authorization", bearer(user)).status()).isEqualTo(200);
            assertThat(http.get("/users/" + tenant.adminId(), "Authorization", bearer(user)).status()).isEqualTo(403);
        });
    }

    @Test
    void deactivationEndsSessionsAtOnce() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Http.Reply login = http.logIn(tenant.userEmail, Tenant.PASSWORD);
            String userToken = login.data().path("access_token").asText();
            assertThat(http.get("/auth/me", "Authorization", bearer(userToken)).status()).isEqualTo(200);

            Http.Reply deactivated = http.send("DELETE", "/users/" + tenant.userId, null, null, "Authorization",
                    bearer(Tenant.token(http, tenant.adminEmail)));

            assertThat(deactivated.status()).isEqualTo(204);
            assertThat(http.get("/auth/me", "Authorization", bearer(userToken)).errorCode())
                    .isEqualTo("TOKEN_REVOKED");
            assertThat(http.refresh(login.data().path("refresh_token").asText()).status()).isEqualTo(401);
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).errorCode()).isEqualTo("INVALID_CREDENTIALS");
        });
    }

    @Test
    void passwordResetGivesNewPasswordAndEndsSessions() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String userToken = Tenant.token(http, tenant.userEmail);
            String path = "/users/" + tenant.userId + "/password-reset";

            Http.Reply byManager = http.post(path, "Authorization", bearer(Tenant.token(http, tenant.managerEmail)));
            Http.Reply reset = http.post(path, "Authorization", bearer(Tenant.token(http, tenant.adminEmail)));

            assertThat(byManager.status()).isEqualTo(403);
            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.header("Cache-Control")).contains("no-store");
            String password = reset.data().path("temporary_password").asText();
            assertThat(http.get("/auth/me", "Authorization", bearer(userToken)).errorCode()).isEqualTo("TOKEN_REVOKED");
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).isEqualTo(401);
            assertThat(http.logIn(tenant.userEmail, password).status()).isEqualTo(200);
        });
    }

    @Test
    void lastAdminCannotBeRemoved() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply demote = patch(http, "/users/" + tenant.adminId(), "{\"admin\": false}", admin);
            Http.Reply deactivate = http.send("DELETE", "/users/" + tenant.adminId(), null, null, "Authorization",
                    bearer(admin));
            Http.Reply grant = patch(http, "/users/" + tenant.managerId, "{\"admin\": true}", admin);
            Http.Reply demoteAfterGrant = patch(http, "/users/" + tenant.adminId(), "{\"admin\": false}", admin);

            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.errorCode()).isEqualTo("CONFLICT");
            assertThat(deactivate.status()).isEqualTo(409);
            assertThat(grant.status()).isEqualTo(200);
            assertThat(grant.data().path("admin").asBoolean()).isTrue();
            assertThat(demoteAfterGrant.status()).isEqualTo(200);
            assertThat(http.get("/api-keys", "Authorization", bearer(admin)).status()).isEqualTo(403);
        });
    }

    @Test
    void membershipRemovalAndItsFailures() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String manager = Tenant.token(http, tenant.managerEmail);
            String path = "/users/" + tenant.userId + "/memberships/" + tenant.groupId();

            Http.Reply removed = http.send("DELETE", path, null, null, "Authorization", bearer(manager));
            Http.Reply again = http.send("DELETE", path, null, null, "Authorization", bearer(manager));
            Http.Reply badRole = put(http, path, "{\"role\": \"OWNER\"}", manager);
            Http.Reply noRole = put(http, path, "{}", manager);

            assertThat(removed.status()).isEqualTo(204);
            assertThat(again.status()).isEqualTo(404);
            assertThat(badRole.status()).isEqualTo(400);
            assertThat(noRole.status()).isEqualTo(400);
            assertThat(fields(noRole)).containsExactly("role");
        });
    }

    @Test
    void roleChangesAreAudited() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            put(http, "/users/" + tenant.userId + "/memberships/" + tenant.groupId(), "{\"role\": \"MANAGER\"}", admin);
            patch(http, "/users/" + tenant.managerId, "{\"admin\": true}", admin);

            List<Map<String, Object>> events = service.service.database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT * FROM audit_events WHERE organization_id = :id AND target_id IN (:a, :b)")
                    .bind("id", tenant.organization.organization().id().value())
                    .bind("a", tenant.userId.toString())
                    .bind("b", tenant.managerId.toString())
                    .mapToMap()
                    .list());

            assertThat(events).extracting(event -> event.get("event_type"))
                    .containsExactlyInAnyOrder("membership.set", "admin.granted");
            assertThat(events).extracting(event -> (String) event.get("details"))
                    .anySatisfy(details -> assertThat(details).contains("\"role_before\":\"USER\"",
                            "\"role_after\":\"MANAGER\""));
            assertThat(events).allSatisfy(event -> assertThat(event.get("actor_id")).isEqualTo(tenant.adminId()));
        });
    }

    private static Http.Reply patch(Http http, String path, String json, String token) {
        return http.send("PATCH", path, "application/json", json.getBytes(), "Authorization", bearer(token));
    }

    private static Http.Reply put(Http http, String path, String json, String token) {
        return http.send("PUT", path, "application/json", json.getBytes(), "Authorization", bearer(token));
    }

    static List<String> fields(Http.Reply reply) {
        List<String> fields = new ArrayList<>();
        for (JsonNode detail : reply.json().path("error").path("details")) {
            fields.add(detail.path("field").asText());
        }
        return fields;
    }
}
