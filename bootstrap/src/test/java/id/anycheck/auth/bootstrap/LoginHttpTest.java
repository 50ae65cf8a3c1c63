package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void loginReturnsReferenceShape() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

            assertThat(reply.status()).isEqualTo(200);
            JsonNode json = reply.json();
            assertThat(json.path("success").asBoolean()).isTrue();
            JsonNode data = json.path("data");
            assertThat(fieldNames(data)).containsExactly("access_token", "refresh_token", "expires_in", "token_type", "user");
            assertThat(data.path("access_token").asText()).startsWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVC");
            assertThat(data.path("refresh_token").asText()).startsWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVC");
            assertThat(data.path("expires_in").asInt()).isEqualTo(3600);
            assertThat(data.path("token_type").asText()).isEqualTo("Bearer");
            assertThat(fieldNames(data.path("user"))).containsExactly("id", "email", "name");
            assertThat(data.path("user").path("id").asText()).isEqualTo(service.user.user().id().toString());
            assertThat(data.path("user").path("email").asText()).isEqualTo(TestService.USER_EMAIL);
            assertThat(data.path("user").path("name").asText()).isEqualTo("Uma User");
        });
    }

    @Test
    void loginResponseIsNotCached() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

            assertThat(reply.header("Cache-Control")).contains("no-store");
            assertThat(reply.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("application/json;charset=utf-8"));
            assertThat(reply.header("X-Request-Id")).isPresent();
        });
    }

    @Test
    void emailIsCaseInsensitiveAndTrimmed() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).logIn("  USER@Acme.Example ", TestService.USER_PASSWORD);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().path("user").path("email").asText()).isEqualTo(TestService.USER_EMAIL);
        });
    }

    @Test
    void fullWidthEmailMatchesAfterNormalization() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).logIn("ｕｓｅｒ@acme.example", TestService.USER_PASSWORD);

            assertThat(reply.status()).isEqualTo(200);
        });
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).logIn(TestService.USER_EMAIL, "not the password");

            assertInvalidCredentials(reply);
        });
    }

    @Test
    void unknownEmailLooksLikeWrongPassword() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Http.Reply unknown = http.logIn("nobody@acme.example", "not the password");
            Http.Reply wrong = http.logIn(TestService.USER_EMAIL, "not the password");

            assertInvalidCredentials(unknown);
            assertThat(unknown.body().replace(requestId(unknown), ""))
                    .isEqualTo(wrong.body().replace(requestId(wrong), ""));
            assertThat(unknown.headers().map().keySet()).isEqualTo(wrong.headers().map().keySet());
        });
    }

    @Test
    void errorMatchesReferenceExample() {
        JavalinTest.test(service.app(), (server, client) -> {
            JsonNode json = new Http(client).logIn("nobody@acme.example", "whatever1").json();

            assertThat(json.path("success").asBoolean(true)).isFalse();
            assertThat(json.path("error").path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(json.path("error").path("message").asText()).isEqualTo("Email or password is incorrect");
            assertThat(fieldNames(json.path("error"))).containsExactly("code", "message", "request_id");
        });
    }

    @Test
    void missingFieldsAreNamed() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).postJson("/auth/login", "{}");

            assertValidationError(reply);
            assertThat(reply.json().path("error").path("details").findValuesAsText("field"))
                    .containsExactly("email", "password");
        });
    }

    @Test
    void wrongFieldTypeIsNamed() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).postJson("/auth/login", "{\"email\": 42, \"password\": \"x\"}");

            assertValidationError(reply);
            JsonNode detail = reply.json().path("error").path("details").get(0);
            assertThat(detail.path("field").asText()).isEqualTo("email");
            assertThat(detail.path("problem").asText()).isEqualTo("must be a string");
        });
    }

    @Test
    void invalidEmailIsValidationError() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).logIn("not-an-email", "some password");

            assertValidationError(reply);
            assertThat(reply.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("email");
        });
    }

    @Test
    void malformedJsonIsValidationError() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            for (String body : List.of("{", "{\"email\": }", "not json", "{} {}", "[]", "\"text\"", "null")) {
                Http.Reply reply = http.postJson("/auth/login", body);

                assertValidationError(reply);
                assertThat(reply.json().path("error").path("details").get(0).path("field").asText())
                        .as("field of %s", body).isEqualTo("body");
            }
        });
    }

    @Test
    void duplicateKeyIsValidationError() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).postJson("/auth/login",
                    "{\"email\": \"user@acme.example\", \"password\": \"a\", \"password\": \"user password 1\"}");

            assertValidationError(reply);
            JsonNode detail = reply.json().path("error").path("details").get(0);
            assertThat(detail.path("field").asText()).isEqualTo("password");
            assertThat(detail.path("problem").asText()).startsWith("duplicate key");
        });
    }

    @Test
    void emptyBodyIsValidationError() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).postJson("/auth/login", "");

            assertValidationError(reply);
        });
    }

    @Test
    void otherContentTypeIsUnsupported() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            byte[] body = Http.json(Map.of("email", TestService.USER_EMAIL, "password", TestService.USER_PASSWORD))
                    .getBytes(StandardCharsets.UTF_8);
            for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded",
                    "application/json; charset=iso-8859-1")) {
                Http.Reply reply = http.send("POST", "/auth/login", contentType, body);

                assertThat(reply.status()).as(contentType).isEqualTo(415);
                assertThat(reply.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            }
        });
    }

    @Test
    void missingContentTypeIsUnsupported() {
        JavalinTest.test(service.app(), (server, client) -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            Http.Reply reply = new Http(client).send("POST", "/auth/login", null, body);

            assertThat(reply.status()).isEqualTo(415);
            assertThat(reply.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        });
    }

    @Test
    void jsonWithUtf8CharsetIsAccepted() {
        JavalinTest.test(service.app(), (server, client) -> {
            byte[] body = Http.json(Map.of("email", TestService.USER_EMAIL, "password", TestService.USER_PASSWORD))
                    .getBytes(StandardCharsets.UTF_8);
            Http.Reply reply = new Http(client).send("POST", "/auth/login", "application/json; charset=UTF-8", body);

            assertThat(reply.status()).isEqualTo(200);
        });
    }

    @Test
    void oversizedBodyIsRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            String padding = "x".repeat(70_000);
            Http.Reply reply = new Http(client).postJson("/auth/login",
                    "{\"email\": \"user@acme.example\", \"password\": \"" + padding + "\"}");

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        });
    }

    static void assertInvalidCredentials(Http.Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("Email or password is incorrect");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    static void assertValidationError(Http.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.json().path("error").path("details").isArray()).isTrue();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String requestId(Http.Reply reply) {
        return reply.header("X-Request-Id").orElseThrow();
    }
}
