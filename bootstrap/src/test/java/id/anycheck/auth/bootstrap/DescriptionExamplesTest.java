package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.bootstrap.Description.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Validates every example in the OpenAPI description against its schema, because readers and
 * generated clients take the examples as the truth.
 */
class DescriptionExamplesTest {

    private static final Description DESCRIPTION = DescriptionCheck.DESCRIPTION;

    @Test
    void everyExampleMatchesItsSchema() {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        collect(DESCRIPTION.root(), checked, problems);

        assertThat(checked).as("examples found").hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    /**
     * Walks the document. A media type or parameter carries {@code example} or named
     * {@code examples} next to its {@code schema}, and a schema carries a list of {@code examples}.
     */
    private static void collect(Located node, List<String> checked, List<String> problems) {
        JsonNode value = node.node();
        Located schema = node.child("schema");
        if (schema.exists() && node.child("example").exists()) {
            check(schema.pointer(), node.child("example"), checked, problems);
        }
        if (schema.exists() && value.path("examples").isObject()) {
            for (Map.Entry<String, JsonNode> named : value.path("examples").properties()) {
                check(schema.pointer(), node.child("examples").child(named.getKey()).child("value"), checked, problems);
            }
        }
        if (value.has("type") && value.path("examples").isArray()) {
            for (int i = 0; i < value.path("examples").size(); i++) {
                check(node.pointer(), node.child("examples").item(i), checked, problems);
            }
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    collect(node.child(field.getKey()), checked, problems);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(node.item(i), checked, problems);
            }
        }
    }

    private static void check(String schemaPointer, Located example, List<String> checked, List<String> problems) {
        checked.add(example.pointer());
        DESCRIPTION.validate(schemaPointer, example.node())
                .forEach(problem -> problems.add(example.pointer() + ": " + problem));
    }
}
