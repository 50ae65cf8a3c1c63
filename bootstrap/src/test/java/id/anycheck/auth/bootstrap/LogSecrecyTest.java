package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No log line, at any level of the service's loggers, carries a password, token or secret. */
class LogSecrecyTest {

    @Test
    void wholeSessionLogsNoSecret() {
        List<String> secrets = new ArrayList<>();
        List<String> lines;
        try (TestService service = new TestService(); LogCapture logs = new LogCapture()) {
            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);
                JsonNode login = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD).data();
                String accessToken = login.path("access_token").asText();
                String refreshToken = login.path("refresh_token").asText();
                JsonNode refreshed = http.refresh(refreshToken).data();
                http.get("/auth/me", "Authorization", bearer(refreshed.path("access_token").asText()));
                http.refresh(refreshToken);
                http.logIn(TestService.USER_EMAIL, "wrong password 123");
                http.logIn("nobody@acme.example", "another wrong password");
                http.postJson("/auth/login", "{\"email\": \"x@y.z\", \"password\": \"bad json password\"");
                http.get("/auth/me", "Authorization", bearer(accessToken + "tampered"));
                String firstKey = service.organization.firstApiKey().plaintext().reveal();
                String adminToken = http.logIn(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD).data()
                        .path("access_token").asText();
                http.get("/auth/me", "X-API-Key", firstKey);
                String issuedKey = http.postJson("/api-keys", Http.json(java.util.Map.of("name", "Logged",
                        "group_id", service.organization.defaultGroup().id().toString(), "environment", "test")),
                        "Authorization", bearer(adminToken)).data().path("key").asText();
                String wrongSecret = firstKey.substring(0, firstKey.length() - 3) + "zzz";
                http.get("/auth/me", "X-API-Key", wrongSecret);
                http.send("DELETE", "/api-keys/" + service.organization.firstApiKey().key().id(), null, null,
                        "Authorization", bearer(adminToken));
                http.get("/auth/me", "X-API-Key", firstKey);
                String resetPassword = http.post("/users/" + service.user.user().id() + "/password-reset",
                        "Authorization", bearer(adminToken)).data().path("temporary_password").asText();
                String createdPassword = http.postJson("/users", Http.json(java.util.Map.of("email",
                        "logged@acme.example", "name", "Logged")), "Authorization", bearer(adminToken)).data()
                        .path("temporary_password").asText();
                secrets.add(resetPassword);
                secrets.add(createdPassword);
                http.post("/auth/logout", "Authorization", bearer(refreshed.path("access_token").asText()));

                secrets.addAll(List.of(TestService.USER_PASSWORD, "wrong password 123", "another wrong password",
                        "bad json password", TestService.JWT_SECRET_BASE64, TestService.ADMIN_PASSWORD));
                // The public prefix may be logged; the secret part after it may not.
                for (String key : List.of(firstKey, issuedKey, wrongSecret)) {
                    secrets.add(key.substring(key.length() - 43));
                }
                secrets.addAll(tokenParts(adminToken));
                secrets.addAll(tokenParts(accessToken));
                secrets.addAll(tokenParts(refreshToken));
                secrets.addAll(tokenParts(refreshed.path("access_token").asText()));
                secrets.addAll(tokenParts(refreshed.path("refresh_token").asText()));
            });
            lines = logs.lines();
        }

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(line).doesNotContain("Bearer ").doesNotContain("$argon2id$");
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }

    @Test
    void mfaFlowLogsNoSecret() {
        List<String> secrets = new ArrayList<>();
        List<String> lines;
        try (TestService service = new TestService(); LogCapture logs = new LogCapture()) {
            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);
                String token = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD).data()
                        .path("access_token").asText();
                String secret = http.post("/auth/mfa/totp", "Authorization", bearer(token)).data().path("secret")
                        .asText();
                String code = MfaHttpTest.code(secret, service.clock.instant());
                JsonNode recoveryCodes = http.postJson("/auth/mfa/totp/confirm", Http.json(Map.of("code", code)),
                        "Authorization", bearer(token)).data().path("recovery_codes");
                String mfaToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD).json().path("error")
                        .path("mfa_token").asText();
                http.postJson("/auth/mfa/verify", Http.json(Map.of("mfa_token", mfaToken, "code", "000000")));
                http.postJson("/auth/mfa/verify", Http.json(Map.of("mfa_token", mfaToken,
                        "recovery_code", recoveryCodes.get(0).asText())));
                http.postJson("/auth/password", Http.json(Map.of("current_password", TestService.USER_PASSWORD,
                        "new_password", "changed password 1")), "Authorization", bearer(token));

                secrets.addAll(List.of(secret, mfaToken, TestService.USER_PASSWORD, "changed password 1"));
                recoveryCodes.forEach(recoveryCode -> secrets.add(recoveryCode.asText()));
                recoveryCodes.forEach(recoveryCode -> secrets.add(recoveryCode.asText().replace("-", "")));
            });
            lines = logs.lines();
        }

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }

    /** Returns the payload and the signature of a token, which must each stay out of the logs. */
    private static List<String> tokenParts(String token) {
        String[] parts = token.split("\\.");
        return List.of(parts[1], parts[2]);
    }
}
