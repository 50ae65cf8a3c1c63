package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.BearerTokenHttpTest.assertTokenRejected;
import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /auth/password over HTTP: a user changes their own password, which ends their other sessions. */
class PasswordChangeHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    private static final String NEW_PASSWORD = "a brand new password";

    @Test
    void changeEndsOtherSessionsOnly() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            JsonNode current = http.logIn(tenant.userEmail, Tenant.PASSWORD).data();
            JsonNode other = http.logIn(tenant.userEmail, Tenant.PASSWORD).data();
            String currentToken = current.path("access_token").asText();

            Http.Reply reply = change(http, currentToken, Tenant.PASSWORD, NEW_PASSWORD);

            assertThat(reply.status()).as(reply.body()).isEqualTo(204);
            assertThat(reply.body()).isEmpty();
            assertThat(http.get("/auth/me", "Authorization", bearer(currentToken)).status()).isEqualTo(200);
            assertThat(http.refresh(current.path("refresh_token").asText()).status()).isEqualTo(200);
            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(other.path("access_token").asText())),
                    "TOKEN_REVOKED");
            assertTokenRejected(http.refresh(other.path("refresh_token").asText()), "TOKEN_REVOKED");
        });
    }

    @Test
    void changeReplacesPassword() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);

            change(http, token, Tenant.PASSWORD, NEW_PASSWORD);

            assertThat(http.logIn(tenant.userEmail, NEW_PASSWORD).status()).isEqualTo(200);
            Http.Reply oldPassword = http.logIn(tenant.userEmail, Tenant.PASSWORD);
            assertThat(oldPassword.status()).isEqualTo(401);
            assertThat(oldPassword.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        });
    }

    @Test
    void wrongCurrentPasswordChangesNothing() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);
            JsonNode other = http.logIn(tenant.userEmail, Tenant.PASSWORD).data();

            Http.Reply reply = change(http, token, "not the password", NEW_PASSWORD);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).isEqualTo(200);
            assertThat(http.logIn(tenant.userEmail, NEW_PASSWORD).status()).isEqualTo(401);
            assertThat(http.get("/auth/me", "Authorization", bearer(other.path("access_token").asText())).status())
                    .isEqualTo(200);
        });
    }

    /**
     * A stolen access token must not let its holder guess the current password more often than
     * POST /auth/login allows, where the fifth failure locks even the right password.
     */
    @Test
    void wrongCurrentPasswordsLockChange() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);
            for (int i = 1; i <= 5; i++) {
                assertThat(change(http, token, "wrong guess " + i, NEW_PASSWORD).status()).as("guess %d", i)
                        .isEqualTo(401);
            }

            Http.Reply rightAfterGuesses = change(http, token, Tenant.PASSWORD, NEW_PASSWORD);

            assertThat(rightAfterGuesses.status()).as(rightAfterGuesses.body()).isEqualTo(429);
            assertThat(rightAfterGuesses.errorCode()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).as("login is locked too")
                    .isEqualTo(429);
            service.withClockAdvanced(Duration.ofSeconds(61), () ->
                    assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).as("password unchanged")
                            .isEqualTo(200));
        });
    }

    @Test
    void newPasswordMustFollowRules() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);

            Http.Reply tooShort = change(http, token, Tenant.PASSWORD, "short");
            Http.Reply tooLong = change(http, token, Tenant.PASSWORD, "x".repeat(257));

            assertInvalid(tooShort, "new_password");
            assertInvalid(tooLong, "new_password");
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).isEqualTo(200);
        });
    }

    @Test
    void changeRejectsBadBodies() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);

            assertInvalid(post(http, token, "{\"new_password\": \"" + NEW_PASSWORD + "\"}"), "current_password");
            assertInvalid(post(http, token, "{\"current_password\": \"" + Tenant.PASSWORD + "\"}"), "new_password");
            assertInvalid(post(http, token, "{\"current_password\": 1, \"new_password\": \"" + NEW_PASSWORD + "\"}"),
                    "current_password");
            assertInvalid(post(http, token, "{\"current_password\": \"\", \"new_password\": \"" + NEW_PASSWORD
                    + "\"}"), "current_password");
            assertInvalid(post(http, token, "{\"current_password\": \"" + Tenant.PASSWORD + "\", \"new_password\": \""
                    + NEW_PASSWORD + "\", \"confirm\": \"x\"}"), "confirm");
            assertInvalid(post(http, token, "[]"), "body");
            Http.Reply notJson = http.send("POST", "/auth/password", "text/plain",
                    "x".getBytes(StandardCharsets.UTF_8), "Authorization", bearer(token));
            assertThat(notJson.status()).isEqualTo(415);
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).isEqualTo(200);
        });
    }

    @Test
    void apiKeyAndAnonymousCallersAreRejected() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            byte[] body = Http.json(Map.of("current_password", Tenant.PASSWORD, "new_password", NEW_PASSWORD))
                    .getBytes(StandardCharsets.UTF_8);

            Http.Reply withKey = http.send("POST", "/auth/password", "application/json", body,
                    "X-API-Key", tenant.apiKey());
            Http.Reply anonymous = http.send("POST", "/auth/password", "application/json", body);

            assertThat(withKey.status()).isEqualTo(403);
            assertThat(withKey.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
        });
    }

    @Test
    void changeIsAudited() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);
            http.logIn(tenant.userEmail, Tenant.PASSWORD);

            change(http, token, Tenant.PASSWORD, NEW_PASSWORD);

            List<Map<String, Object>> events = service.service.database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT * FROM audit_events WHERE target_id = :id AND event_type LIKE 'user.%'")
                    .bind("id", tenant.userId.toString())
                    .mapToMap()
                    .list());
            assertThat(events).extracting(event -> event.get("event_type")).containsExactly("user.password_changed");
            assertThat(events.get(0).get("actor_id")).isEqualTo(tenant.userId.toString());
            assertThat((String) events.get(0).get("details")).contains("\"sessions_ended\":\"1\"")
                    .doesNotContain(NEW_PASSWORD, Tenant.PASSWORD);
        });
    }

    private static Http.Reply change(Http http, String token, String currentPassword, String newPassword) {
        return post(http, token, Http.json(Map.of("current_password", currentPassword, "new_password", newPassword)));
    }

    private static Http.Reply post(Http http, String token, String json) {
        return http.postJson("/auth/password", json, "Authorization", bearer(token));
    }

    private static void assertInvalid(Http.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(AccessHttpTest.fields(reply)).contains(field);
    }
}
