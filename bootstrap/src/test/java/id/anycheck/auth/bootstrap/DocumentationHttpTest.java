package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served OpenAPI description and the documentation page. */
class DocumentationHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void descriptionIsServedAsYaml() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/openapi.yaml");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type").orElseThrow()).startsWith("application/yaml");
            assertThat(reply.body()).isEqualTo(DescriptionCheck.TEXT);
            assertThat(reply.header("X-Request-Id")).isPresent();
        });
    }

    @Test
    void headOnDescriptionHasNoBody() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).send("HEAD", "/openapi.yaml", null, null);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEmpty();
        });
    }

    @Test
    void docsPageLoadsOnlyLocalFiles() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Http.Reply page = http.get("/docs");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
            List<String> references = REFERENCE.matcher(page.body()).results().map(match -> match.group(1)).toList();
            assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(reference).startsWith("/docs/"));
            assertThat(page.body()).doesNotContain("://");
            for (String reference : references) {
                Http.Reply asset = http.get(reference);
                assertThat(asset.status()).as(reference).isEqualTo(200);
                assertThat(asset.body()).as(reference).isNotEmpty();
            }
        });
    }

    @Test
    void docsScriptAndStylesNameNoOtherHost() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String script = http.get("/docs/docs.js").body();
            String styles = http.get("/docs/swagger-ui.css").body();

            assertThat(script).contains("url: \"/openapi.yaml\"").contains("validatorUrl: null").doesNotContain("://");
            Matcher urls = Pattern.compile("url\\(\\s*['\"]?(?!data:)([^)'\"]+)").matcher(styles);
            assertThat(urls.results().map(match -> match.group(1)).toList()).noneMatch(url -> url.contains("//"));
        });
    }

    @Test
    void unknownDocsFileIsNotFound() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get("/docs/index.js");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void docsNeedNoCredentials() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            assertThat(http.send("HEAD", "/docs", null, null).status()).isEqualTo(200);
            assertThat(http.send("HEAD", "/docs/swagger-ui-bundle.js", null, null).status()).isEqualTo(200);
            assertThat(http.get("/docs", "Authorization", "Bearer garbage").status()).isEqualTo(200);
        });
    }
}
