package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.http.ErrorCode;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Compares the routes that the server registers with the OpenAPI description. A served route
 * missing from the description fails the build. A described route that the server does not
 * serve yet is printed as a warning, so that a route can be described before it is built.
 */
class OpenApiCoverageTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void everyServedRouteIsDescribed() {
        Set<String> undescribed = new TreeSet<>(servedRoutes());
        undescribed.removeAll(describedRoutes());

        assertThat(undescribed).as("routes served but missing from openapi.yaml").isEmpty();
    }

    @Test
    void describedRoutesNotServedAreReported(TestReporter reporter) {
        Set<String> notServed = new TreeSet<>(describedRoutes());
        notServed.removeAll(servedRoutes());

        for (String route : notServed) {
            System.out.println("WARNING: openapi.yaml describes " + route + ", which the server does not serve yet");
            reporter.publishEntry("not served yet", route);
        }
        assertThat(servedRoutes()).as("sanity check of the route listing").contains("GET /auth/me", "POST /auth/login");
    }

    @Test
    void errorCodesMatchErrorCodeEnum() {
        Schema<?> schema = DescriptionCheck.MODEL.getComponents().getSchemas().get("ErrorCode");
        Set<String> described = schema.getEnum().stream().map(Object::toString).collect(Collectors.toSet());
        Set<String> inCode = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

        assertThat(described).isEqualTo(inCode);
    }

    /** Returns "METHOD /path" for each HTTP route, with Javalin's {@code <name>} written {@code {name}}. */
    private static Set<String> servedRoutes() {
        Javalin app = service.app();
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(OpenApiCoverageTest::route)
                .collect(Collectors.toSet());
    }

    private static String route(Endpoint endpoint) {
        String path = endpoint.path.replace('<', '{').replace('>', '}');
        return endpoint.method.name().toUpperCase(Locale.ROOT) + " " + path;
    }

    private static Set<String> describedRoutes() {
        Set<String> routes = new TreeSet<>();
        DescriptionCheck.MODEL.getPaths().forEach((path, item) -> item.readOperationsMap()
                .keySet()
                .forEach(method -> routes.add(method.name() + " " + path)));
        return routes;
    }
}
