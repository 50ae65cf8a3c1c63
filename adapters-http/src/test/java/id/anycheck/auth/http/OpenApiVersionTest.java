package id.anycheck.auth.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps openapi.yaml in OpenAPI 3.1. Tools that read 3.1 do not apply the 3.0 forms, because
 * JSON Schema 2020-12 has no {@code nullable}, so a field marked {@code nullable: true} rejects
 * null, and it reads {@code exclusiveMinimum} as the bound, not as a flag. A path written in
 * 3.0 style fails here with the pointer of each construct and its 3.1 form.
 */
class OpenApiVersionTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void descriptionDeclaresOpenApi31() {
        assertThat(readDescription().path("openapi").asText()).matches("3\\.1\\.\\d+");
    }

    @Test
    void descriptionUsesNoOpenApi30Constructs() {
        assertThat(openApi30Constructs(readDescription())).isEmpty();
    }

    @Test
    void openApi30ConstructsAreFound() {
        JsonNode description = parse("""
                openapi: 3.0.3
                components:
                  schemas:
                    Age:
                      type: integer
                      nullable: true
                      minimum: 0
                      exclusiveMinimum: true
                      example: 7
                    Page:
                      type: object
                      properties:
                        nullable:
                          type: boolean
                        example:
                          type: string
                        limit:
                          type: [integer, 'null']
                          maximum: 100
                          exclusiveMaximum: false
                """);

        List<String> found = openApi30Constructs(description);

        assertThat(found).hasSize(4);
        assertThat(found).anyMatch(line -> line.startsWith("/components/schemas/Age/nullable: "));
        assertThat(found).anyMatch(line -> line.startsWith("/components/schemas/Age/exclusiveMinimum: "));
        assertThat(found).anyMatch(line -> line.startsWith("/components/schemas/Age/example: "));
        assertThat(found).anyMatch(line -> line.startsWith("/components/schemas/Page/properties/limit/exclusiveMaximum: "));
    }

    @Test
    void openApi31FormsPass() {
        JsonNode description = parse("""
                openapi: 3.1.0
                components:
                  schemas:
                    Age:
                      type: [integer, 'null']
                      exclusiveMinimum: 0
                      examples: [7]
                """);

        assertThat(openApi30Constructs(description)).isEmpty();
    }

    /**
     * Returns one line per OpenAPI 3.0 construct: its JSON pointer and the 3.1 form to write.
     * A property that happens to be named {@code nullable} or {@code example} is not one,
     * because its value is a schema, not a boolean or an example next to a {@code type}.
     */
    private static List<String> openApi30Constructs(JsonNode description) {
        List<String> found = new ArrayList<>();
        collect(description, "", found);
        return found;
    }

    private static void collect(JsonNode node, String pointer, List<String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, found);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
            if (name.equals("nullable") && value.isBoolean()) {
                found.add(at + ": nullable is OpenAPI 3.0; add \"null\" to the type, as in type: [string, 'null']");
            } else if ((name.equals("exclusiveMinimum") || name.equals("exclusiveMaximum")) && value.isBoolean()) {
                found.add(at + ": a boolean " + name + " is OpenAPI 3.0; write the bound itself, as in "
                        + name + ": 0 in place of " + (name.equals("exclusiveMinimum") ? "minimum" : "maximum")
                        + ": 0 with " + name + ": true");
            } else if (name.equals("example") && isSchema(node)) {
                found.add(at + ": example in a schema is deprecated in OpenAPI 3.1; write examples: [value]");
            } else {
                collect(value, at, found);
            }
        }
    }

    /** Returns whether an object is a schema: its {@code type} is a name or a list of names, not a property's schema. */
    private static boolean isSchema(JsonNode node) {
        JsonNode type = node.path("type");
        return type.isTextual() || (type.isArray() && !type.isEmpty() && type.get(0).isTextual());
    }

    private static JsonNode readDescription() {
        try (InputStream in = OpenApiVersionTest.class.getResourceAsStream("/openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the class path").isNotNull();
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
