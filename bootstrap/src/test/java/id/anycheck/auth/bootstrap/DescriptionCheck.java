package id.anycheck.auth.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.anycheck.auth.bootstrap.Description.Located;
import id.anycheck.auth.bootstrap.Description.PathMatch;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks requests and responses of the HTTP tests against the OpenAPI description that the
 * server serves, so that the description cannot drift from the code.
 *
 * <p>Every response must match the description: a described status code (or its {@code 4XX}
 * range, or {@code default}), every required header with a value its schema accepts, a
 * described content type, and a JSON body that its schema accepts. A request may be invalid
 * on purpose (bad JSON, a wrong content type, no credentials): then the server must reject it
 * with a 4xx status, and its error response must still match the description. A path or
 * method that the description does not name must get 404 or 405 with the error envelope.
 *
 * <p>Unknown query parameters are allowed, and a JSON object may carry fields its schema does
 * not name unless the schema declares {@code additionalProperties: false}, as JSON Schema
 * defines. swagger-request-validator 2.x, which did this before, reads OpenAPI 3.0 only: it
 * loads a 3.1 description but ignores type arrays such as {@code [string, "null"]} and
 * numeric {@code exclusiveMinimum}, so it would pass wrong types silently. Thread-safe.
 */
final class DescriptionCheck {

    static final String RESOURCE = "/openapi.yaml";

    private static final int MAX_TARGET_CHARS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    static final String TEXT = readDescription();
    /** swagger-parser's model of the description, for tests that list its routes or schemas. */
    static final OpenAPI MODEL = parse(TEXT);
    static final Description DESCRIPTION = new Description(TEXT);

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
        String exchange = method + " " + (target.length() > MAX_TARGET_CHARS
                ? target.substring(0, MAX_TARGET_CHARS) + "..."
                : target);

        Optional<PathMatch> path = DESCRIPTION.match(uri.getRawPath());
        if (path.isEmpty()) {
            expectErrorEnvelope(exchange, status, 404, responseBody);
            return;
        }
        Located pathItem = DESCRIPTION.resolve(path.get().pathItem());
        Located operation = pathItem.child(method.toLowerCase(Locale.ROOT));
        if (!operation.exists() && method.equals("HEAD") && pathItem.child("get").exists()) {
            // HEAD is GET without the content (RFC 9110, section 9.3.2), and Javalin serves it
            // from the GET route, so the GET operation describes its status and headers.
            List<String> problems = checkResponse(pathItem.child("get"), status, responseHeaders, null, false);
            if (!problems.isEmpty()) {
                throw new AssertionError("Response " + status + " to " + exchange
                        + " differs from the GET operation of the OpenAPI description:\n" + lines(problems));
            }
            return;
        }
        if (!operation.exists()) {
            expectErrorEnvelope(exchange, status, 405, responseBody);
            return;
        }

        List<String> responseProblems = checkResponse(operation, status, responseHeaders, responseBody, true);
        if (!responseProblems.isEmpty()) {
            throw new AssertionError("Response " + status + " to " + exchange
                    + " differs from the OpenAPI description:\n" + lines(responseProblems) + "\nbody: " + responseBody);
        }

        List<String> requestProblems = new ArrayList<>();
        requestProblems.addAll(checkSecurity(operation, requestHeaders));
        requestProblems.addAll(checkParameters(path.get(), pathItem, operation, uri, requestHeaders));
        requestProblems.addAll(checkRequestBody(operation, requestHeaders, requestBody));
        requestProblems.addAll(checkAccept(operation, requestHeaders));
        if (!requestProblems.isEmpty() && (status < 400 || status >= 500)) {
            throw new AssertionError("The OpenAPI description rejects " + exchange + ", but the server answered "
                    + status + ":\n" + lines(requestProblems));
        }
    }

    /** @param withContent whether the response carries content to check, false for HEAD */
    private static List<String> checkResponse(Located operation, int status, HttpHeaders headers, String body,
            boolean withContent) {
        Optional<Located> described = describedResponse(operation.child("responses"), status);
        if (described.isEmpty()) {
            return List.of("status " + status + " is not described for this operation");
        }
        Located response = DESCRIPTION.resolve(described.get());

        List<String> problems = new ArrayList<>();
        Located describedHeaders = response.child("headers");
        for (String name : fieldNames(describedHeaders)) {
            // OpenAPI ignores a Content-Type entry under headers, because the content map describes it.
            if (!name.equalsIgnoreCase("Content-Type")) {
                Located header = DESCRIPTION.resolve(describedHeaders.child(name));
                problems.addAll(checkValues("response header " + name, header, headers.allValues(name)));
            }
        }
        if (!withContent) {
            return problems;
        }
        String presentBody = body == null || body.isEmpty() ? null : body;
        problems.addAll(checkContent("response", response.child("content"), headers.firstValue("Content-Type"),
                presentBody));
        return problems;
    }

    /** Finds the response for a status: the exact code first, then its range such as {@code 4XX}, then {@code default}. */
    private static Optional<Located> describedResponse(Located responses, int status) {
        String code = String.valueOf(status);
        for (String key : List.of(code, code.charAt(0) + "XX", code.charAt(0) + "xx", "default")) {
            if (responses.child(key).exists()) {
                return Optional.of(responses.child(key));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the credentials against the operation's security requirements. One of the listed
     * requirements must be met, and a requirement is met when every scheme it names is sent.
     */
    private static List<String> checkSecurity(Located operation, HttpHeaders headers) {
        Located requirements = operation.child("security").exists()
                ? operation.child("security")
                : DESCRIPTION.root().child("security");
        if (!requirements.exists() || requirements.node().isEmpty()) {
            return List.of();
        }
        List<String> alternatives = new ArrayList<>();
        for (JsonNode requirement : requirements.node()) {
            List<String> schemes = new ArrayList<>();
            requirement.fieldNames().forEachRemaining(schemes::add);
            if (schemes.stream().allMatch(scheme -> sends(scheme, headers))) {
                return List.of();
            }
            alternatives.add(String.join(" and ", schemes));
        }
        return List.of("credentials are missing or malformed: the operation requires "
                + String.join(" or ", alternatives));
    }

    private static boolean sends(String schemeName, HttpHeaders headers) {
        JsonNode scheme = DESCRIPTION.resolve(DESCRIPTION.root().child("components").child("securitySchemes")
                .child(schemeName)).node();
        String type = scheme.path("type").asText();
        String location = scheme.path("in").asText();
        if (type.equals("http")) {
            // HTTP authentication schemes are case-insensitive: "bearer" is as good as "Bearer".
            String prefix = scheme.path("scheme").asText() + " ";
            return headers.allValues("Authorization").stream()
                    .anyMatch(value -> value.length() > prefix.length()
                            && value.regionMatches(true, 0, prefix, 0, prefix.length()));
        }
        if (type.equals("apiKey") && location.equals("header")) {
            return headers.firstValue(scheme.path("name").asText()).isPresent();
        }
        throw new IllegalStateException("DescriptionCheck cannot check security scheme " + schemeName
                + " of type " + type + (location.isEmpty() ? "" : " in " + location)
                + ". Add it to DescriptionCheck.sends.");
    }

    private static List<String> checkParameters(PathMatch path, Located pathItem, Located operation, URI uri,
            HttpHeaders headers) {
        Map<String, List<String>> query = queryParameters(uri.getRawQuery());
        List<String> problems = new ArrayList<>();
        for (Located parameter : parameters(pathItem, operation)) {
            String name = parameter.node().path("name").asText();
            String location = parameter.node().path("in").asText();
            List<String> values = switch (location) {
                case "path" -> Optional.ofNullable(path.pathParameters().get(name)).stream().toList();
                case "query" -> query.getOrDefault(name, List.of());
                case "header" -> headers.allValues(name);
                default -> throw new IllegalStateException("DescriptionCheck cannot check " + location
                        + " parameter " + name + ". Add its location to DescriptionCheck.checkParameters.");
            };
            problems.addAll(checkValues(location + " parameter " + name, parameter, values));
        }
        return problems;
    }

    /**
     * Returns the path item's parameters and the operation's, where the operation's replace
     * those of the same name and location.
     */
    private static List<Located> parameters(Located pathItem, Located operation) {
        Map<String, Located> byLocationAndName = new LinkedHashMap<>();
        for (Located list : List.of(pathItem.child("parameters"), operation.child("parameters"))) {
            for (int i = 0; i < list.node().size(); i++) {
                Located parameter = DESCRIPTION.resolve(list.item(i));
                String key = parameter.node().path("in").asText() + " " + parameter.node().path("name").asText();
                byLocationAndName.put(key, parameter);
            }
        }
        return List.copyOf(byLocationAndName.values());
    }

    /**
     * Checks the values of a parameter or header against its {@code required} flag and schema.
     * A text value is read as a number or a boolean when the schema's type allows it.
     */
    private static List<String> checkValues(String subject, Located definition, List<String> values) {
        if (values.isEmpty()) {
            return definition.node().path("required").asBoolean(false) ? List.of(subject + " is missing") : List.of();
        }
        Located schema = definition.child("schema");
        if (!schema.exists()) {
            return List.of();
        }
        Set<String> types = types(DESCRIPTION.resolve(schema).node());
        if (types.contains("array")) {
            ArrayNode items = JSON.createArrayNode();
            values.forEach(value -> items.add(TextNode.valueOf(value)));
            return prefixed(subject, DESCRIPTION.validate(schema.pointer(), items));
        }
        if (values.size() > 1) {
            return List.of(subject + " has " + values.size() + " values, but its schema is not an array");
        }
        return prefixed(subject, DESCRIPTION.validate(schema.pointer(), scalar(values.get(0), types)));
    }

    private static JsonNode scalar(String text, Set<String> types) {
        boolean numeric = types.contains("integer") || types.contains("number");
        if (numeric && JSON_NUMBER.matcher(text).matches()) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A value that matches the JSON number syntax did not parse: " + text, e);
            }
        }
        if (types.contains("boolean") && (text.equals("true") || text.equals("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        return TextNode.valueOf(text);
    }

    /** Returns the schema's {@code type}, which OpenAPI 3.1 writes as one name or a list of names. */
    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        }
        type.forEach(name -> types.add(name.asText()));
        return types;
    }

    private static List<String> checkRequestBody(Located operation, HttpHeaders headers, byte[] body) {
        boolean sent = body != null && body.length > 0;
        if (!operation.child("requestBody").exists()) {
            return sent ? List.of("the operation takes no request body, but one was sent") : List.of();
        }
        Located requestBody = DESCRIPTION.resolve(operation.child("requestBody"));
        if (!sent) {
            return requestBody.node().path("required").asBoolean(false)
                    ? List.of("the request body is required, but none was sent")
                    : List.of();
        }
        return checkContent("request", requestBody.child("content"), headers.firstValue("Content-Type"),
                new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Checks a body against the content map of a request body or response: its Content-Type
     * must be described, and a JSON body must match the schema of that media type.
     *
     * @param body null when there is none
     */
    private static List<String> checkContent(String subject, Located content, Optional<String> contentType, String body) {
        if (!content.exists() || content.node().isEmpty()) {
            return body == null ? List.of() : List.of("the " + subject + " has a body, but the description describes none");
        }
        if (body == null) {
            return List.of("the description describes a " + subject + " body, but there is none");
        }
        if (contentType.isEmpty()) {
            return List.of("the " + subject + " has a body, but no Content-Type");
        }
        Optional<String> mediaType = fieldNames(content).stream()
                .filter(described -> covers(described, baseType(contentType.get())))
                .findFirst();
        if (mediaType.isEmpty()) {
            return List.of(subject + " Content-Type " + contentType.get() + " is not one of " + fieldNames(content));
        }
        Located schema = content.child(mediaType.get()).child("schema");
        if (!isJson(mediaType.get()) || !schema.exists()) {
            return List.of();
        }
        try {
            return prefixed(subject + " body", DESCRIPTION.validate(schema.pointer(), JSON.readTree(body)));
        } catch (JsonProcessingException e) {
            return List.of("the " + subject + " body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Checks that an {@code Accept} header, when sent, allows a media type that the operation can return. */
    private static List<String> checkAccept(Located operation, HttpHeaders headers) {
        List<String> ranges = headers.allValues("Accept").stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(DescriptionCheck::baseType)
                .filter(range -> !range.isEmpty())
                .toList();
        Set<String> returned = new LinkedHashSet<>();
        Located responses = operation.child("responses");
        for (String code : fieldNames(responses)) {
            returned.addAll(fieldNames(DESCRIPTION.resolve(responses.child(code)).child("content")));
        }
        if (ranges.isEmpty() || returned.isEmpty()) {
            return List.of();
        }
        boolean acceptable = ranges.stream().anyMatch(range -> returned.stream()
                .anyMatch(type -> covers(range, type) || covers(type, range)));
        return acceptable ? List.of() : List.of("Accept " + ranges + " allows none of " + returned);
    }

    private static void expectErrorEnvelope(String exchange, int actualStatus, int expectedStatus, String body) {
        if (actualStatus != expectedStatus) {
            throw new AssertionError(exchange + " is not in the OpenAPI description, so it must get "
                    + expectedStatus + ", but got " + actualStatus);
        }
        List<String> problems;
        try {
            problems = DESCRIPTION.validate("/components/schemas/ErrorEnvelope", JSON.readTree(body));
        } catch (JsonProcessingException e) {
            problems = List.of("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Response " + actualStatus + " to " + exchange
                    + " is not the error envelope of the description:\n" + lines(problems) + "\nbody: " + body);
        }
    }

    /** Returns whether a media range such as {@code text/*} or {@code application/json} includes a media type. */
    private static boolean covers(String range, String type) {
        if (range.equals("*/*") || range.equals(type)) {
            return true;
        }
        return range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1));
    }

    /** Returns the type and subtype of a Content-Type or Accept value, without parameters, in lower case. */
    private static String baseType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.computeIfAbsent(decode(nameAndValue[0]), name -> new ArrayList<>())
                    .add(nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
        }
        return parameters;
    }

    private static List<String> fieldNames(Located object) {
        List<String> names = new ArrayList<>();
        object.node().fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> prefixed(String subject, List<String> problems) {
        return problems.stream().map(problem -> subject + ": " + problem).toList();
    }

    private static String lines(List<String> problems) {
        return problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n"));
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

    /** Parses the description with swagger-parser, the parser of openapi-generator, and fails on any problem it reports. */
    private static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, List.of(), options);
        if (result.getMessages() != null && !result.getMessages().isEmpty()) {
            throw new IllegalStateException("The OpenAPI description is invalid: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
