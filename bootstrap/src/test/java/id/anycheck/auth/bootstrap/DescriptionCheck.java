package id.anycheck.auth.bootstrap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks requests and responses of the HTTP tests against the OpenAPI description that the
 * server serves, so that the description cannot drift from the code.
 *
 * <p>Every response must match the description. A request may be invalid on purpose (bad
 * JSON, a wrong content type, no credentials): then the server must reject it with a 4xx
 * status, and its error response must still match the description. A path or method that the
 * description does not name must get 404 or 405 with the error envelope. Thread-safe.
 */
final class DescriptionCheck {

    static final String RESOURCE = "/openapi.yaml";

    /** The validator reports an undescribed path or method under these keys, for responses too. */
    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String METHOD_NOT_ALLOWED = "validation.request.operation.notAllowed";
    private static final Set<String> UNKNOWN_ROUTE_KEYS = Set.of(PATH_MISSING, METHOD_NOT_ALLOWED);
    private static final int MAX_TARGET_CHARS = 120;
    private static final Pattern BEARER_ANY_CASE = Pattern.compile("^(?i)bearer(?=\\s)");

    static final String TEXT = readDescription();
    static final OpenAPI MODEL = parse(TEXT);
    /**
     * The validator's default levels, which let the server ignore unknown query parameters,
     * and one change: the validator no longer adds {@code additionalProperties: false} to every
     * object schema, which breaks {@code allOf}. Schemas that reject unknown fields declare it.
     */
    private static final LevelResolver LEVELS = LevelResolver.create()
            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .build();
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createFor(MODEL).withLevelResolver(LEVELS).build();
    private static final SchemaValidator SCHEMAS = new SchemaValidator(MODEL, new MessageResolver(LEVELS));

    private DescriptionCheck() {
    }

    /**
     * Checks one exchange.
     *
     * @param target the path with its query string, as sent
     * @throws AssertionError naming every difference from the description
     */
    static void verify(String method, String target, HttpHeaders requestHeaders, byte[] requestBody,
            int status, HttpHeaders responseHeaders, String responseBody) {
        URI uri = URI.create(target);
        String shownTarget = target.length() > MAX_TARGET_CHARS ? target.substring(0, MAX_TARGET_CHARS) + "..." : target;
        Request request = request(method, uri, requestHeaders, requestBody);
        SimpleResponse.Builder response = new SimpleResponse.Builder(status).withBody(responseBody);
        responseHeaders.map().forEach(response::withHeader);

        ValidationReport responseReport = VALIDATOR.validateResponse(uri.getRawPath(), request.getMethod(), response.build());
        if (has(responseReport, PATH_MISSING)) {
            expectErrorEnvelope(method, shownTarget, status, 404, responseBody);
            return;
        }
        if (has(responseReport, METHOD_NOT_ALLOWED)) {
            expectErrorEnvelope(method, shownTarget, status, 405, responseBody);
            return;
        }
        if (responseReport.hasErrors()) {
            throw new AssertionError("Response " + status + " to " + method + " " + shownTarget
                    + " differs from the OpenAPI description:\n" + describe(responseReport) + "\nbody: " + responseBody);
        }

        ValidationReport requestReport = VALIDATOR.validateRequest(request);
        boolean requestInvalid = requestReport.getMessages().stream()
                .anyMatch(message -> message.getLevel() == ValidationReport.Level.ERROR
                        && !UNKNOWN_ROUTE_KEYS.contains(message.getKey()));
        if (requestInvalid && (status < 400 || status >= 500)) {
            throw new AssertionError("The OpenAPI description rejects " + method + " " + shownTarget
                    + ", but the server answered " + status + ":\n" + describe(requestReport));
        }
    }

    private static Request request(String method, URI uri, HttpHeaders headers, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), uri.getRawPath());
        headers.map().forEach((name, values) -> request.withHeader(name, name.equalsIgnoreCase("Authorization")
                ? values.stream().map(DescriptionCheck::canonicalScheme).toList()
                : values));
        if (body != null) {
            request.withBody(body);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
            }
        }
        return request.build();
    }

    private static void expectErrorEnvelope(String method, String target, int actualStatus, int expectedStatus,
            String body) {
        if (actualStatus != expectedStatus) {
            throw new AssertionError(method + " " + target + " is not in the OpenAPI description, so it must get "
                    + expectedStatus + ", but got " + actualStatus);
        }
        Schema<?> envelope = MODEL.getComponents().getSchemas().get("ErrorEnvelope");
        ValidationReport report = SCHEMAS.validate(body, envelope, "response.body");
        if (report.hasErrors()) {
            throw new AssertionError("Response " + actualStatus + " to " + method + " " + target
                    + " is not the error envelope of the description:\n" + describe(report) + "\nbody: " + body);
        }
    }

    private static boolean has(ValidationReport report, String key) {
        return report.getMessages().stream().anyMatch(message -> message.getKey().equals(key));
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "  " + message.getKey() + ": " + message.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /**
     * Spells the scheme of an Authorization value as "Bearer". HTTP authentication schemes are
     * case-insensitive, and the server accepts "bearer", but swagger-request-validator 2.46.1
     * rejects any spelling other than "Bearer".
     */
    private static String canonicalScheme(String authorization) {
        return BEARER_ANY_CASE.matcher(authorization).replaceFirst("Bearer");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String readDescription() {
        try (InputStream in = DescriptionCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the description and fails on any problem the parser reports. */
    private static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        // Merging allOf parts would let a later part's "error" property replace the envelope's.
        options.setResolveCombinators(false);
        var result = new OpenAPIParser().readContents(text, List.of(), options);
        if (result.getMessages() != null && !result.getMessages().isEmpty()) {
            throw new IllegalStateException("The OpenAPI description is invalid: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
