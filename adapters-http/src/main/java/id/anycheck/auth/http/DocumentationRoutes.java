package id.anycheck.auth.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Serves the OpenAPI description at {@code /openapi.yaml} and a Swagger UI page at
 * {@code /docs}. Swagger UI's files come from the org.webjars:swagger-ui jar on the class path,
 * so the page loads nothing from outside this server. Every file is read once per class
 * loader, when the first instance is created. Thread-safe.
 */
final class DocumentationRoutes {

    private static final String DESCRIPTION_RESOURCE = "/openapi.yaml";
    private static final String SWAGGER_UI_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";

    private record Asset(String contentType, byte[] bytes) {
    }

    /** The files, read when this holder class is first used, so that all instances share one copy. */
    private static final class LoadedFiles {

        static final byte[] DESCRIPTION = resource(DESCRIPTION_RESOURCE);
        static final byte[] PAGE = resource("/docs/index.html");
        static final Map<String, Asset> ASSETS = assets("/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/");

        private static Map<String, Asset> assets(String swaggerUi) {
            return Map.of(
                    "swagger-ui.css", new Asset(CSS, resource(swaggerUi + "swagger-ui.css")),
                    "swagger-ui-bundle.js", new Asset(JAVASCRIPT, resource(swaggerUi + "swagger-ui-bundle.js")),
                    "docs.js", new Asset(JAVASCRIPT, resource("/docs/docs.js")));
        }
    }

    /** Loads the files now, so that a jar without them fails at startup with an error naming the file. */
    DocumentationRoutes() {
        Objects.requireNonNull(LoadedFiles.ASSETS);
    }

    void description(Context ctx) {
        write(ctx, "application/yaml; charset=utf-8", LoadedFiles.DESCRIPTION);
    }

    void page(Context ctx) {
        write(ctx, "text/html; charset=utf-8", LoadedFiles.PAGE);
    }

    /** Serves one file of the page. A name outside the fixed list gets 404 NOT_FOUND. */
    void asset(Context ctx) {
        Asset asset = LoadedFiles.ASSETS.get(ctx.pathParam("asset"));
        if (asset == null) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        write(ctx, asset.contentType(), asset.bytes());
    }

    private static void write(Context ctx, String contentType, byte[] bytes) {
        ctx.status(200);
        ctx.contentType(contentType);
        ctx.header("Cache-Control", "no-cache");
        ctx.result(bytes);
        ctx.attribute(Envelope.WRITTEN, true);
    }

    /** Reads the version of the Swagger UI WebJar, which names the folder of its files. */
    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = open(SWAGGER_UI_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = DocumentationRoutes.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the class path");
        }
        return in;
    }
}
