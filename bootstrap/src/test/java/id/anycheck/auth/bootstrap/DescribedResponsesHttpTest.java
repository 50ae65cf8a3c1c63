package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Responses that openapi.yaml describes and the other HTTP tests do not reach, so that
 * {@link DescriptionCheck} checks them too: conflicts, foreign groups in bodies, null fields,
 * and what an API key may read.
 */
class DescribedResponsesHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void renameToTakenNameConflicts() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            http.postJson("/groups", "{\"name\": \"Risk\"}", "Authorization", bearer(admin));

            Http.Reply renamed = send(http, "PATCH", "/groups/" + tenant.groupId(), "{\"name\": \"Risk\"}", admin);

            assertThat(renamed.status()).isEqualTo(409);
            assertThat(renamed.errorCode()).isEqualTo("CONFLICT");
        });
    }

    @Test
    void foreignGroupInMembershipsIsNotFound() {
        Tenant tenant = Tenant.create(service);
        Tenant other = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply created = http.postJson("/users", Http.json(Map.of("email", "f-" + UUID.randomUUID()
                    + "@tenant.example", "name", "F", "memberships",
                    List.of(Map.of("group_id", other.groupId(), "role", "USER")))),
                    "Authorization", bearer(Tenant.token(http, tenant.adminEmail)));

            assertThat(created.status()).isEqualTo(404);
            assertThat(created.errorCode()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void adminWithoutGroupsMustNameGroup() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply created = http.postJson("/verifications", "{\"service\": \"liveness\", \"subject\": {}}",
                    "Authorization", bearer(Tenant.token(http, tenant.adminEmail)));

            assertThat(created.status()).isEqualTo(400);
            assertThat(AccessHttpTest.fields(created)).containsExactly("group_id");
        });
    }

    @Test
    void nullFieldsKeepTheirValues() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply organization = send(http, "PATCH", "/organizations/current",
                    "{\"name\": null, \"mfa_required\": null, \"sso\": null}", admin);
            Http.Reply user = send(http, "PATCH", "/users/" + tenant.userId,
                    "{\"name\": null, \"active\": null, \"admin\": null}", admin);
            Http.Reply verification = http.postJson("/verifications", "{\"service\": \"liveness\","
                    + " \"group_id\": null, \"reference_id\": null, \"subject\": {}}", "X-API-Key", tenant.apiKey());

            assertThat(organization.status()).isEqualTo(200);
            assertThat(organization.data().path("name").asText()).startsWith("Tenant ");
            assertThat(user.status()).isEqualTo(200);
            assertThat(user.data().path("active").asBoolean()).isTrue();
            assertThat(verification.status()).isEqualTo(201);
            assertThat(verification.data().path("group_id").asText()).isEqualTo(tenant.groupId());
            assertThat(verification.data().path("reference_id").isNull()).isTrue();
        });
    }

    @Test
    void apiKeyReadsOnlyItsGroup() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String otherGroup = http.postJson("/groups", "{\"name\": \"Other\"}", "Authorization",
                    bearer(Tenant.token(http, tenant.adminEmail))).data().path("id").asText();
            String key = tenant.apiKey();

            Http.Reply groups = http.get("/groups", "X-API-Key", key);
            Http.Reply ownServices = http.get("/groups/" + tenant.groupId() + "/services", "X-API-Key", key);
            Http.Reply other = http.get("/groups/" + otherGroup, "X-API-Key", key);
            Http.Reply user = http.get("/users/" + tenant.userId, "X-API-Key", key);

            assertThat(groups.status()).isEqualTo(200);
            assertThat(groups.data().path("items")).hasSize(1);
            assertThat(ownServices.status()).isEqualTo(200);
            assertThat(other.status()).isEqualTo(403);
            assertThat(user.status()).isEqualTo(403);
            assertThat(user.errorCode()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void userCannotChangeMemberships() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String user = Tenant.token(http, tenant.userEmail);
            String path = "/users/" + tenant.managerId + "/memberships/" + tenant.groupId();

            Http.Reply removed = http.send("DELETE", path, null, null, "Authorization", bearer(user));
            Http.Reply changed = send(http, "PUT", path, "{\"role\": \"USER\"}", user);

            assertThat(removed.status()).isEqualTo(403);
            assertThat(changed.status()).isEqualTo(403);
        });
    }

    @Test
    void nonUuidVerificationIdIsNotFound() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/verifications/not-a-uuid", "X-API-Key", tenant.apiKey());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void rotationTakesNewLifetime() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String keyId = tenant.organization.firstApiKey().key().id().toString();

            Http.Reply rotated = http.postJson("/api-keys/" + keyId + "/rotate",
                    "{\"grace_period_hours\": 0, \"expires_in_days\": 30}", "Authorization",
                    bearer(Tenant.token(http, tenant.adminEmail)));

            assertThat(rotated.status()).isEqualTo(201);
            assertThat(rotated.data().path("expires_at").asText()).isEqualTo("2027-01-03T10:00:00Z");
            assertThat(http.get("/auth/me", "X-API-Key", tenant.apiKey()).errorCode()).isEqualTo("INVALID_API_KEY");
        });
    }

    private static Http.Reply send(Http http, String method, String path, String json, String token) {
        return http.send(method, path, "application/json", json.getBytes(), "Authorization", bearer(token));
    }
}
