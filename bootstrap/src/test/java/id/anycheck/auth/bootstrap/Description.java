package id.anycheck.auth.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.org.apache.commons.validator.routines.DomainValidator;
import com.networknt.org.apache.commons.validator.routines.DomainValidator.ArrayType;
import com.networknt.org.apache.commons.validator.routines.EmailValidator;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.EmailFormat;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An OpenAPI 3.1 description read as a JSON tree: finds the path item of a request path,
 * follows local {@code $ref}s, and validates values against the description's schemas with
 * json-schema-validator in the OpenAPI 3.1 dialect (JSON Schema 2020-12 plus
 * {@code discriminator}, {@code xml}, {@code externalDocs} and {@code example}).
 *
 * <p>Every node keeps its JSON pointer, so that a schema's {@code $ref}s resolve against the
 * whole document. Format assertions ({@code uuid}, {@code email}, {@code date-time} and so on)
 * are turned on although the 3.1 dialect treats {@code format} as an annotation only, because
 * the tests must fail when the server sends a malformed id or time. Thread-safe.
 */
final class Description {

    /** A node of the description and its JSON pointer, such as {@code /components/schemas/User}. */
    record Located(String pointer, JsonNode node) {

        Located child(String name) {
            return new Located(pointer + "/" + escape(name), node.path(name));
        }

        Located item(int index) {
            return new Located(pointer + "/" + index, node.path(index));
        }

        boolean exists() {
            return !node.isMissingNode() && !node.isNull();
        }
    }

    /** A described path that matches a request path, with the decoded values of its path parameters. */
    record PathMatch(String template, Located pathItem, Map<String, String> pathParameters) {
    }

    /** The IRI that names the document in the schema registry. Nothing is fetched from it. */
    private static final String DOCUMENT_IRI = "https://anycheck.invalid/openapi.yaml";
    /** Fields of the OpenAPI object, which the validator would otherwise log as unknown keywords. */
    private static final List<String> ROOT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");

    private final Located root;
    private final List<Template> templates;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    Description(String yaml) {
        try {
            this.root = new Located("", new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI description is not valid YAML", e);
        }
        this.templates = templates(root.child("paths"));
        String json = root.node().toString();
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
                .keywords(ROOT_FIELDS.stream().map(NonValidationKeyword::new).toList())
                .format(emailFormat())
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, registry -> registry
                .schemas(Map.of(DOCUMENT_IRI, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    Located root() {
        return root;
    }

    /**
     * Finds the described path that matches a raw request path. A path without templated
     * segments wins over a templated one, so {@code /users/me} is not read as {@code /users/{id}}.
     */
    Optional<PathMatch> match(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        return templates.stream()
                .map(template -> template.match(segments))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Follows {@code $ref}s that point into this document until it reaches a node without one. */
    Located resolve(Located located) {
        Located current = located;
        for (int depth = 0; current.node().has("$ref"); depth++) {
            String reference = current.node().get("$ref").asText();
            if (!reference.startsWith("#/") || depth > 10) {
                throw new IllegalStateException("Cannot follow $ref " + reference + " at " + current.pointer());
            }
            String pointer = reference.substring(1);
            JsonNode target = root.node().at(pointer);
            if (target.isMissingNode()) {
                throw new IllegalStateException("$ref " + reference + " at " + current.pointer() + " points nowhere");
            }
            current = new Located(pointer, target);
        }
        return current;
    }

    /**
     * Validates a value against the schema at a JSON pointer of the document.
     *
     * @return one line per violation, each naming the place in the value; empty when the value is valid
     */
    List<String> validate(String schemaPointer, JsonNode value) {
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer)));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            problems.add(error.toString());
        }
        return problems;
    }

    /**
     * Returns the {@code email} format of json-schema-validator with two changes. The names
     * that RFC 2606 reserves for tests and examples count as top-level domains, so that
     * {@code ana@acme.example} passes. White space around the address is allowed, as RFC 5322
     * allows it around an address and as the login request allows it, because the server trims
     * the email.
     */
    private static Format emailFormat() {
        DomainValidator domains = DomainValidator.getInstance(false,
                List.of(new DomainValidator.Item(ArrayType.GENERIC_PLUS, "example", "test", "invalid", "localhost")));
        EmailFormat email = new EmailFormat(new EmailValidator(false, false, domains));
        return new Format() {
            @Override
            public String getName() {
                return email.getName();
            }

            @Override
            public String getMessageKey() {
                return email.getMessageKey();
            }

            @Override
            public boolean matches(ExecutionContext context, String value) {
                return email.matches(context, value.strip());
            }
        };
    }

    /** Escapes a name for use as one segment of a JSON pointer (RFC 6901). */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static List<Template> templates(Located paths) {
        List<Template> templates = new ArrayList<>();
        paths.node().fieldNames().forEachRemaining(path -> templates.add(new Template(path, paths.child(path))));
        templates.sort(Comparator.comparingLong(Template::parameterCount));
        return List.copyOf(templates);
    }

    /** One described path, such as {@code /groups/{id}/services}, split into segments. */
    private record Template(String path, Located pathItem, String[] segments) {

        Template(String path, Located pathItem) {
            this(path, pathItem, path.split("/", -1));
        }

        long parameterCount() {
            return Stream.of(segments).filter(Template::isParameter).count();
        }

        Optional<PathMatch> match(String[] requestSegments) {
            if (requestSegments.length != segments.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String decoded = URLDecoder.decode(requestSegments[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                if (isParameter(segments[i])) {
                    if (requestSegments[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segments[i].substring(1, segments[i].length() - 1), decoded);
                } else if (!segments[i].equals(decoded)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new PathMatch(path, pathItem, parameters));
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }
}
