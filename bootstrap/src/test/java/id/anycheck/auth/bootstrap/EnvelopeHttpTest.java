package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The envelope and headers of responses that no handler writes itself. */
class EnvelopeHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void unknownRouteIsNotFound() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            for (String path : List.of("/", "/nope", "/auth", "/auth/login/extra", "/organizations")) {
                Http.Reply reply = http.get(path);

                assertThat(reply.status()).as(path).isEqualTo(404);
                assertThat(reply.errorCode()).as(path).isEqualTo("NOT_FOUND");
                assertThat(reply.json().path("success").asBoolean(true)).isFalse();
                assertThat(reply.header("X-Request-Id")).isPresent();
            }
        });
    }

    @Test
    void wrongMethodIsNotAllowed() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            for (String methodAndPath : List.of("GET /auth/login", "DELETE /auth/me", "PUT /auth/refresh",
                    "GET /auth/logout", "POST /health")) {
                String[] parts = methodAndPath.split(" ");
                Http.Reply reply = http.send(parts[0], parts[1], null, null);

                assertThat(reply.status()).as(methodAndPath).isEqualTo(405);
                assertThat(reply.errorCode()).as(methodAndPath).isEqualTo("METHOD_NOT_ALLOWED");
                assertThat(reply.header("Allow")).as(methodAndPath).isPresent();
            }
        });
    }

    @Test
    void notAllowedListsAllowedMethods() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).send("DELETE", "/auth/login", null, null);

            assertThat(reply.header("Allow")).contains("POST");
        });
    }

    @Test
    void saneRequestIdIsEchoed() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/nope", "X-Request-Id", "client-trace.42");

            assertThat(reply.header("X-Request-Id")).contains("client-trace.42");
            assertThat(reply.json().path("error").path("request_id").asText()).isEqualTo("client-trace.42");
        });
    }

    @Test
    void unsafeRequestIdIsReplaced() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            for (String unsafe : List.of("with space", "x".repeat(65), "quote\"", "new%0Aline")) {
                Http.Reply reply = http.get("/health", "X-Request-Id", unsafe);

                assertThat(reply.header("X-Request-Id").orElseThrow()).as(unsafe).isNotEqualTo(unsafe);
            }
        });
    }

    @Test
    void everyErrorHasOnlyContractFields() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            List<Http.Reply> replies = List.of(
                    http.get("/nope"),
                    http.get("/auth/login"),
                    http.get("/auth/me"),
                    http.postJson("/auth/login", "{"),
                    http.logIn("nobody@acme.example", "password1"));

            for (Http.Reply reply : replies) {
                JsonNode json = reply.json();
                assertThat(LoginHttpTest.fieldNames(json)).containsExactly("success", "error");
                assertThat(LoginHttpTest.fieldNames(json.path("error")))
                        .isSubsetOf("code", "message", "details", "request_id")
                        .contains("code", "message", "request_id");
                assertThat(json.path("error").path("code").asText()).matches("[A-Z_]+");
                assertThat(json.path("error").path("message").asText()).isNotBlank();
            }
        });
    }

    @Test
    void headOnProtectedRouteNeedsToken() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            assertThat(http.send("HEAD", "/auth/me", null, null).status()).isEqualTo(401);
            assertThat(http.send("HEAD", "/auth/me", null, null, "Authorization", "Bearer garbage").status())
                    .isEqualTo(401);
            assertThat(http.send("HEAD", "/health", null, null).status()).isEqualTo(200);
            assertThat(http.send("HEAD", "/health/ready", null, null).status()).isEqualTo(200);
        });
    }

    @Test
    void headWithTokenIsNoServerError() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD)
                    .data().path("access_token").asText();

            for (String path : List.of("/groups", "/verifications", "/organizations/current", "/audit-events")) {
                Http.Reply reply = http.send("HEAD", path, null, null, "Authorization", Http.bearer(accessToken));

                assertThat(reply.status()).as("HEAD %s with a valid token", path).isEqualTo(200);
                assertThat(reply.body()).as("HEAD %s", path).isEmpty();
            }
        });
    }

    @Test
    void oversizedHeadersGetEnvelope() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/auth/me", "Authorization", "Bearer " + "a".repeat(12_000));

            assertThat(reply.status()).isEqualTo(431);
            assertThat(reply.errorCode()).isEqualTo("HEADERS_TOO_LARGE");
            assertThat(reply.header("X-Request-Id")).isPresent();
            assertThat(reply.json().path("error").path("request_id").asText())
                    .isEqualTo(reply.header("X-Request-Id").orElseThrow());
        });
    }

    @Test
    void headOnMeMatchesGet() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD)
                    .data().path("access_token").asText();

            Http.Reply reply = http.send("HEAD", "/auth/me", null, null, "Authorization", Http.bearer(accessToken));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Cache-Control")).contains("no-store");
        });
    }

    @Test
    void overlongUriGetsEnvelope() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/health?padding=" + "a".repeat(12_000));

            assertThat(reply.status()).isEqualTo(414);
            assertThat(reply.errorCode()).isEqualTo("URI_TOO_LONG");
            assertThat(reply.header("X-Request-Id")).isPresent();
        });
    }

    @Test
    void malformedRequestLineGetsEnvelope() {
        JavalinTest.test(service.app(), (server, client) -> {
            String response = sendRaw(client.getOrigin(),
                    "GET /auth/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("X-Request-Id:");
            assertThat(response).contains("\"code\":\"MALFORMED_REQUEST\"");
        });
    }

    @Test
    void unknownHttpVersionIsClientError() {
        JavalinTest.test(service.app(), (server, client) -> {
            String response = sendRaw(client.getOrigin(), "GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("\"code\":\"MALFORMED_REQUEST\"");
        });
    }

    /** Sends bytes that an HTTP client library would refuse to send, and reads the whole response. */
    private static String sendRaw(String origin, String request) throws IOException {
        URI uri = URI.create(origin);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void healthIsAlive() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/health");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().path("status").asText()).isEqualTo("ok");
        });
    }

    @Test
    void readyWhenDatabaseAnswers() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/health/ready");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().path("status").asText()).isEqualTo("ready");
        });
    }

    @Test
    void requestLogLineNamesRequestAndPrincipal() {
        try (LogCapture logs = new LogCapture()) {
            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);
                String accessToken = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD)
                        .data().path("access_token").asText();

                http.get("/auth/me?debug=1", "Authorization", Http.bearer(accessToken), "X-Request-Id", "trace-me-1");
            });

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("GET /auth/me 200")
                    .contains("principal=" + service.user.user().id())
                    .contains("request_id=trace-me-1")
                    .doesNotContain("debug=1"));
        }
    }
}
