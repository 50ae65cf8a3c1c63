package id.anycheck.auth.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one JSON mapper of the HTTP adapter: snake_case names, strict parsing. Thread-safe. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    /** Jackson's message for a repeated key, e.g. {@code Duplicate field 'email'}. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']{1,100})'");

    private Json() {
    }

    static JsonNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialized: " + value.getClass().getName(), e);
        }
    }

    /**
     * Parses a request body.
     *
     * @throws ApiException VALIDATION_ERROR for malformed JSON, duplicate keys or trailing data;
     *     the message names the position, never the content
     */
    public static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw ApiException.invalidField(duplicate.group(1), "duplicate key" + where);
            }
            throw ApiException.invalidField("body", "malformed JSON" + where);
        } catch (IOException e) {
            throw ApiException.invalidField("body", "unreadable request body");
        }
    }
}
