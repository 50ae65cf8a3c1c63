package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenGrant;
import id.anycheck.auth.http.jwt.JwtTokenService;
import id.anycheck.auth.http.jwt.SigningKey;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BearerTokenHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void meReturnsUserOrganizationAndMemberships() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = accessToken(http);

            Http.Reply reply = http.get("/auth/me", "Authorization", bearer(accessToken));

            assertThat(reply.status()).isEqualTo(200);
            JsonNode data = reply.data();
            assertThat(data.path("id").asText()).isEqualTo(service.user.user().id().toString());
            assertThat(data.path("email").asText()).isEqualTo(TestService.USER_EMAIL);
            assertThat(data.path("name").asText()).isEqualTo("Uma User");
            assertThat(data.path("admin").asBoolean(true)).isFalse();
            assertThat(data.path("mfa_enabled").isBoolean()).isTrue();
            assertThat(data.path("organization").path("id").asText())
                    .isEqualTo(service.organization.organization().id().toString());
            assertThat(data.path("organization").path("name").asText()).isEqualTo("Acme");
            assertThat(data.path("organization").path("plan").asText()).isEqualTo("business");
            assertThat(data.path("memberships")).hasSize(1);
            assertThat(data.path("memberships").get(0).path("group").path("id").asText())
                    .isEqualTo(service.organization.defaultGroup().id().toString());
            assertThat(data.path("memberships").get(0).path("group").path("name").asText()).isEqualTo("Default");
            assertThat(data.path("memberships").get(0).path("role").asText()).isEqualTo("USER");
            assertThat(reply.header("Cache-Control")).contains("no-store");
        });
    }

    @Test
    void meShowsAdminFlag() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = http.logIn(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD)
                    .data().path("access_token").asText();

            Http.Reply reply = http.get("/auth/me", "Authorization", bearer(accessToken));

            assertThat(reply.data().path("admin").asBoolean()).isTrue();
            assertThat(reply.data().path("memberships")).isEmpty();
        });
    }

    @Test
    void schemeIsCaseInsensitive() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = accessToken(http);

            assertThat(http.get("/auth/me", "Authorization", "bearer " + accessToken).status()).isEqualTo(200);
        });
    }

    @Test
    void noCredentialsIsUnauthorized() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/auth/me");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"anycheck-auth\"");
        });
    }

    @Test
    void otherSchemeIsUnauthorized() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/auth/me", "Authorization", "Basic dXNlcjpwYXNz");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
        });
    }

    @Test
    void emptyBearerTokenIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/auth/me", "Authorization", "Bearer    ");

            assertTokenRejected(reply, "TOKEN_INVALID");
        });
    }

    @Test
    void expiredTokenMatchesReferenceExample() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = accessToken(http);
            service.withClockAdvanced(Duration.ofHours(1).plusSeconds(1), () -> {
                Http.Reply reply = http.get("/auth/me", "Authorization", bearer(accessToken));

                assertTokenRejected(reply, "TOKEN_EXPIRED");
                assertThat(reply.json().path("error").path("message").asText())
                        .isEqualTo("Your session has expired. Please login again.");
            });
        });
    }

    @Test
    void tokenStillValidJustBeforeExpiry() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = accessToken(http);
            service.withClockAdvanced(Duration.ofMinutes(59), () -> {
                assertThat(http.get("/auth/me", "Authorization", bearer(accessToken)).status()).isEqualTo(200);
            });
        });
    }

    @Test
    void tamperedSignatureIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = accessToken(http);
            int index = accessToken.length() - 3;
            char replacement = accessToken.charAt(index) == 'x' ? 'y' : 'x';
            String tampered = accessToken.substring(0, index) + replacement + accessToken.substring(index + 1);

            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(tampered)), "TOKEN_INVALID");
        });
    }

    @Test
    void algorithmNoneIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            var decoded = JWT.decode(accessToken(http));
            String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + decoded.getKeyId() + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            String unsigned = header + "." + decoded.getPayload() + ".";

            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(unsigned)), "TOKEN_INVALID");
        });
    }

    @Test
    void refreshTokenIsNotAccepted() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String refreshToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD)
                    .data().path("refresh_token").asText();

            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(refreshToken)), "TOKEN_INVALID");
        });
    }

    @Test
    void wrongIssuerOrAudienceIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            SigningKey ourKey = SigningKey.fromSecret(Base64.getDecoder().decode(TestService.JWT_SECRET_BASE64));
            for (List<String> issuerAndAudience : List.of(List.of("other-issuer", "anycheck-api"),
                    List.of("anycheck-auth", "other-api"))) {
                var foreign = new JwtTokenService(List.of(ourKey), issuerAndAudience.get(0), issuerAndAudience.get(1),
                        service.clock);
                String token = foreign.issue(grantForUser()).accessToken();

                assertTokenRejected(http.get("/auth/me", "Authorization", bearer(token)), "TOKEN_INVALID");
            }
        });
    }

    @Test
    void rotatedOutKeyIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            SigningKey retired = SigningKey.fromSecret("a retired secret that is 32 bytes long".getBytes(StandardCharsets.UTF_8));
            var formerService = new JwtTokenService(List.of(retired), "anycheck-auth", "anycheck-api", service.clock);
            String token = formerService.issue(grantForUser()).accessToken();

            assertTokenRejected(new Http(client).get("/auth/me", "Authorization", bearer(token)), "TOKEN_INVALID");
        });
    }

    @Test
    void otherAlgorithmWithOurSecretIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            var decoded = JWT.decode(accessToken(http));
            String token = JWT.create()
                    .withKeyId(decoded.getKeyId())
                    .withPayload(new String(Base64.getUrlDecoder().decode(decoded.getPayload()), StandardCharsets.UTF_8))
                    .sign(Algorithm.HMAC384(Base64.getDecoder().decode(TestService.JWT_SECRET_BASE64)));

            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(token)), "TOKEN_INVALID");
        });
    }

    @Test
    void garbageTokenIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            assertTokenRejected(new Http(client).get("/auth/me", "Authorization", "Bearer not.a.jwt"), "TOKEN_INVALID");
        });
    }

    @Test
    void bothCredentialHeadersAreAmbiguous() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Http.Reply reply = http.get("/auth/me", "Authorization", bearer(accessToken(http)), "X-API-Key", "ak_live_x");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("AMBIGUOUS_CREDENTIALS");
        });
    }

    @Test
    void unknownApiKeyIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/auth/me", "X-API-Key", "ak_live_unknown");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("INVALID_API_KEY");
            assertThat(reply.json().path("error").path("message").asText()).isEqualTo("API key is invalid or inactive");
        });
    }

    private static TokenGrant grantForUser() {
        return new TokenGrant(service.user.user().id(), service.organization.organization().id(), SessionId.random(),
                RefreshTokenId.generate(new SecureRandom()), service.clock.instant());
    }

    private static String accessToken(Http http) {
        return http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD).data().path("access_token").asText();
    }

    static void assertTokenRejected(Http.Reply reply, String code) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("Bearer realm=\"anycheck-auth\"")
                .contains("error=\"invalid_token\""));
    }
}
