package id.anycheck.auth.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Raw HTTP calls to a server started by JavalinTest, with full control over headers and body
 * bytes, and the JSON of each response parsed. Each exchange is checked against the OpenAPI
 * description by {@link DescriptionCheck}.
 */
final class Http {

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }

        JsonNode data() {
            return json().path("data");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String origin;

    Http(HttpClient client) {
        this.origin = client.getOrigin();
    }

    static String json(Map<String, ?> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply postJson(String path, String json, String... headers) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    Reply post(String path, String... headers) {
        return send("POST", path, null, null, headers);
    }

    /** Sends any request; {@code headers} alternate names and values. */
    Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(20));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            DescriptionCheck.verify(method, path, built.headers(), body, response.statusCode(), response.headers(),
                    response.body());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply logIn(String email, String password) {
        return postJson("/auth/login", json(Map.of("email", email, "password", password)));
    }

    Reply refresh(String refreshToken) {
        return postJson("/auth/refresh", json(Map.of("refresh_token", refreshToken)));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
