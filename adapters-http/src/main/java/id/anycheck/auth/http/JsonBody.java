package id.anycheck.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.domain.error.FieldProblem;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object read from a request body, with typed access to its fields. Field problems are
 * collected, so that one VALIDATION_ERROR names every bad field; call {@link #validate()} after
 * reading the fields. Not thread-safe: one instance per request.
 */
final class JsonBody {

    private final JsonNode object;
    private final List<FieldProblem> problems = new ArrayList<>();
    /** Names of the fields the handler asked for; any other field in the body is rejected. */
    private final Set<String> knownFields = new HashSet<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /**
     * Reads the body of a JSON request.
     *
     * @throws ApiException UNSUPPORTED_MEDIA_TYPE unless the content type is application/json,
     *     PAYLOAD_TOO_LARGE over {@code maxBytes}, VALIDATION_ERROR for anything but one JSON object
     */
    static JsonBody read(Context ctx, long maxBytes) {
        if (!isJson(ctx.contentType())) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (ctx.contentLength() > maxBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(maxBytes));
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > maxBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(maxBytes));
        }
        if (bytes.length == 0) {
            throw ApiException.invalidField("body", "a JSON object is required");
        }
        JsonNode node = Json.read(bytes);
        if (!node.isObject()) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        return new JsonBody(node);
    }

    /**
     * Reads the body of a request whose fields are all optional: an empty body without a content
     * type counts as an empty object; anything else must be a JSON object as for {@link #read}.
     */
    static JsonBody readOptional(Context ctx, long maxBytes) {
        if (ctx.contentType() == null && ctx.contentLength() <= 0 && ctx.bodyAsBytes().length == 0) {
            return new JsonBody(Json.emptyObject());
        }
        return read(ctx, maxBytes);
    }

    static String tooLarge(long maxBytes) {
        return "The request body is larger than the maximum of " + maxBytes + " bytes.";
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Returns the string value of a required field, or null after recording a problem. */
    String requiredString(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    /**
     * Returns the value of an optional whole-number field, or empty when it is absent or null, or
     * after recording a problem.
     */
    Optional<Integer> optionalInteger(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(new FieldProblem(field, "must be a whole number"));
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /**
     * Returns an optional whole-number field that may be set to null. The result is empty when the
     * field is absent or invalid, an empty value for null, and else the number.
     */
    Optional<Optional<Integer>> nullableInteger(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            return Optional.of(Optional.empty());
        }
        return optionalInteger(field).map(Optional::of);
    }

    /** Returns the string value of an optional field, or empty when absent or null, or after recording a problem. */
    Optional<String> optionalString(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** Returns the value of an optional true/false field, or empty when absent or null, or after recording a problem. */
    Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problems.add(new FieldProblem(field, "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /** Returns an optional list of strings, or empty when absent or null, or after recording a problem. */
    Optional<List<String>> optionalStringList(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> strings.add(element.isTextual() ? element.textValue() : null));
        }
        if (!value.isArray() || strings.contains(null)) {
            problems.add(new FieldProblem(field, "must be a list of strings"));
            return Optional.empty();
        }
        return Optional.of(strings);
    }

    /** Returns a required list of strings, or null after recording a problem. */
    List<String> requiredStringList(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return optionalStringList(field).orElse(null);
    }

    /** Returns a required JSON object field, or null after recording a problem. */
    JsonNode requiredObject(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (!value.isObject()) {
            problems.add(new FieldProblem(field, "must be a JSON object"));
            return null;
        }
        return value;
    }

    /** Returns the raw value of an optional field, or empty when absent or null. */
    Optional<JsonNode> optionalNode(String field) {
        JsonNode value = field(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** Returns how many problems are recorded so far. */
    int problemCount() {
        return problems.size();
    }

    /** Records a problem found by the caller, such as an invalid element of a list. */
    void addProblem(String field, String problem) {
        problems.add(new FieldProblem(field, problem));
    }

    private JsonNode field(String name) {
        knownFields.add(name);
        return object.get(name);
    }

    /**
     * @throws ApiException VALIDATION_ERROR naming every field problem recorded so far, and every
     *     field the handler did not ask for, so that a misspelt optional field is not ignored
     */
    void validate() {
        object.fieldNames().forEachRemaining(name -> {
            if (!knownFields.contains(name)) {
                String truncatedName = name.length() > 100 ? name.substring(0, 100) + "..." : name;
                problems.add(new FieldProblem(truncatedName, "is not a field of this request"));
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(), problems);
        }
    }
}
