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
    private static final List<String> BEARER = List.of("Bearer a.b.c");
    private static final String PAGE = "{\"success\":true,\"data\":{\"items\":[],\"next_cursor\":null}}";
    private static final String KEY_ID = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
    private static final String API_KEY = "{\"id\":\"" + KEY_ID + "\",\"key\":null,\"prefix\":\"ak_live_9QxV3c0mJ2rT\","
            + "\"name\":\"Billing server\",\"group_id\":\"9c4d2e1f-0a3b-4c5d-8e6f-7a8b9c0d1e2f\",\"environment\":\"live\","
            + "\"status\":\"active\",\"created_at\":\"2026-12-01T00:00:00Z\",\"created_by\":{\"type\":\"user\",\"id\":\"7d0c6f3e-2b9a-4f1e-8c55-3a1e9b0d4c27\"},"
            + "\"expires_at\":\"2027-03-01T00:00:00Z\",\"last_used_at\":null,\"rotated_at\":null,\"revoked_at\":null,"
            + "\"replaces_key_id\":null}";
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

    @Test
    void undescribedStatusFails() {
        assertThatThrownBy(() -> verifyLogin(LOGIN_BODY, 418, jsonHeaders(), NOT_FOUND))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
    }

    @Test
    void nullWherePageAllowsItPasses() {
        assertThatCode(() -> verifyKeyPage("/api-keys", BEARER, PAGE)).doesNotThrowAnyException();
    }

    @Test
    void wrongTypeOfNullableFieldFails() {
        String numberCursor = PAGE.replace("\"next_cursor\":null", "\"next_cursor\":5");

        assertThatThrownBy(() -> verifyKeyPage("/api-keys", BEARER, numberCursor))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("next_cursor");
    }

    @Test
    void malformedUuidInResponseFails() {
        String badId = PAGE.replace("\"items\":[]", "\"items\":[" + API_KEY.replace(KEY_ID, "not-a-uuid") + "]");

        assertThatCode(() -> verifyKeyPage("/api-keys", BEARER, PAGE.replace("\"items\":[]", "\"items\":[" + API_KEY + "]")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> verifyKeyPage("/api-keys", BEARER, badId))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("uuid");
    }

    @Test
    void lowerCaseBearerSchemePasses() {
        assertThatCode(() -> verifyKeyPage("/api-keys", List.of("bearer a.b.c"), PAGE)).doesNotThrowAnyException();
    }

    @Test
    void acceptedRequestWithoutCredentialsFails() {
        assertThatThrownBy(() -> verifyKeyPage("/api-keys", List.of(), PAGE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("rejects")
                .hasMessageContaining("bearerAuth");
    }

    @Test
    void acceptedOutOfRangeLimitFails() {
        assertThatCode(() -> verifyKeyPage("/api-keys?limit=100", BEARER, PAGE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifyKeyPage("/api-keys?limit=101", BEARER, PAGE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("query parameter limit");
        assertThatThrownBy(() -> verifyKeyPage("/api-keys?limit=ten", BEARER, PAGE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("query parameter limit");
    }

    @Test
    void acceptedMalformedPathParameterFails() {
        Map<String, List<String>> requestHeaders = Map.of("Authorization", BEARER);

        assertThatCode(() -> DescriptionCheck.verify("DELETE", "/api-keys/" + KEY_ID, headers(requestHeaders), null,
                204, headers(authenticatedHeaders()), "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> DescriptionCheck.verify("DELETE", "/api-keys/not-a-uuid", headers(requestHeaders),
                null, 204, headers(authenticatedHeaders()), ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("path parameter id");
    }

    @Test
    void acceptedWrongContentTypeFails() {
        assertThatThrownBy(() -> DescriptionCheck.verify("POST", "/auth/login",
                headers(Map.of("Content-Type", List.of("text/plain"))), LOGIN_BODY.getBytes(StandardCharsets.UTF_8),
                200, headers(tokenHeaders()), TOKENS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("text/plain");
    }

    @Test
    void undescribedMethodMustBeNotAllowed() {
        String notAllowed = NOT_FOUND.replace("NOT_FOUND", "METHOD_NOT_ALLOWED");

        assertThatCode(() -> DescriptionCheck.verify("DELETE", "/auth/login", headers(Map.of()), null, 405,
                headers(jsonHeaders()), notAllowed)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DescriptionCheck.verify("DELETE", "/auth/login", headers(Map.of()), null, 404,
                headers(jsonHeaders()), NOT_FOUND)).isInstanceOf(AssertionError.class);
    }

    private static void verifyKeyPage(String target, List<String> authorization, String responseBody) {
        Map<String, List<String>> requestHeaders = authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
        DescriptionCheck.verify("GET", target, headers(requestHeaders), null, 200, headers(authenticatedHeaders()),
                responseBody);
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

    private static Map<String, List<String>> authenticatedHeaders() {
        Map<String, List<String>> headers = tokenHeaders();
        headers.put("X-RateLimit-Limit", List.of("100"));
        headers.put("X-RateLimit-Remaining", List.of("99"));
        headers.put("X-RateLimit-Reset", List.of("1796083200"));
        return headers;
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }
}
