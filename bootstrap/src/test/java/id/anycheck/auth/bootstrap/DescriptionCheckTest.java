package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shows that {@link DescriptionCheck} rejects exchanges that drift from the description. */
class DescriptionCheckTest {

    private static final String LOGIN_BODY = "{\"email\": \"user@acme.example\", \"password\": \"user password 1\"}";
    private static final String TOKENS = "{\"success\":true,\"data\":{\"access_token\":\"a.b.c\",\"refresh_token\":\"d.e.f\","
            + "\"expires_in\":3600,\"token_type\":\"Bearer\",\"user\":{\"id\":\"7d0c6f3e-2b9a-4f1e-8c55-3a1e9b0d4c27\","
            + "\"email\":\"user@acme.example\",\"name\":\"Uma User\"}}}";
    private static final String NOT_FOUND = "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\","
            + "\"message\":\"The requested resource was not found.\",\"request_id\":\"r-1\"}}";

    @Test
    void matchingExchangePasses() {
        assertThatCode(() -> verifyLogin(LOGIN_BODY, 200, tokenHeaders(), TOKENS)).doesNotThrowAnyException();
    }

    @Test
    void extraResponseFieldFails() {
        String leaky = TOKENS.replace("\"token_type\"", "\"password_hash\":\"x\",\"token_type\"");

        assertThatThrownBy(() -> verifyLogin(LOGIN_BODY, 200, tokenHeaders(), leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("password_hash");
    }

    @Test
    void missingRequiredHeaderFails() {
        Map<String, List<String>> headers = tokenHeaders();
        headers.remove("Cache-Control");

        assertThatThrownBy(() -> verifyLogin(LOGIN_BODY, 200, headers, TOKENS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cache-Control");
    }

    @Test
    void undescribedErrorCodeFails() {
        String body = "{\"success\":false,\"error\":{\"code\":\"WRONG_PASSWORD\",\"message\":\"No.\"}}";
        Map<String, List<String>> headers = jsonHeaders();
        headers.put("WWW-Authenticate", List.of("Bearer realm=\"anycheck-auth\""));

        assertThatThrownBy(() -> verifyLogin(LOGIN_BODY, 401, headers, body)).isInstanceOf(AssertionError.class);
    }

    @Test
    void codeOfAnotherResponseFails() {
        String body = "{\"success\":false,\"error\":{\"code\":\"TOKEN_INVALID\",\"message\":\"The token is invalid.\"}}";
        Map<String, List<String>> headers = jsonHeaders();
        headers.put("WWW-Authenticate", List.of("Bearer realm=\"anycheck-auth\""));

        assertThatThrownBy(() -> verifyLogin(LOGIN_BODY, 401, headers, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TOKEN_INVALID");
    }

    @Test
    void extraErrorFieldFails() {
        String body = "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Oops.\","
                + "\"stack_trace\":\"at Foo.bar\"}}";

        assertThatThrownBy(() -> verifyLogin(LOGIN_BODY, 500, jsonHeaders(), body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("stack_trace");
    }

    @Test
    void acceptedInvalidRequestFails() {
        assertThatThrownBy(() -> verifyLogin("{\"email\": \"user@acme.example\"}", 200, tokenHeaders(), TOKENS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("rejects");
    }

    @Test
    void unknownPathMustBeNotFound() {
        assertThatCode(() -> DescriptionCheck.verify("GET", "/nope", headers(Map.of()), null, 404,
                headers(jsonHeaders()), NOT_FOUND)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DescriptionCheck.verify("GET", "/nope", headers(Map.of()), null, 200,
                headers(jsonHeaders()), "{\"success\":true,\"data\":{}}")).isInstanceOf(AssertionError.class);
    }

    private static void verifyLogin(String requestBody, int status, Map<String, List<String>> responseHeaders,
            String responseBody) {
        DescriptionCheck.verify("POST", "/auth/login", headers(Map.of("Content-Type", List.of("application/json"))),
                requestBody.getBytes(StandardCharsets.UTF_8), status, headers(responseHeaders), responseBody);
    }

    private static Map<String, List<String>> jsonHeaders() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        headers.put("X-Request-Id", List.of("r-1"));
        return headers;
    }

    private static Map<String, List<String>> tokenHeaders() {
        Map<String, List<String>> headers = jsonHeaders();
        headers.put("Cache-Control", List.of("no-store"));
        return headers;
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }
}
