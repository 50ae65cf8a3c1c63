package id.anycheck.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.anycheck.auth.client.api.AuthenticationApi;
import id.anycheck.auth.client.api.HealthApi;
import id.anycheck.auth.client.model.CurrentUser;
import id.anycheck.auth.client.model.ErrorCode;
import id.anycheck.auth.client.model.ErrorEnvelope;
import id.anycheck.auth.client.model.LoginRequest;
import id.anycheck.auth.client.model.RefreshRequest;
import id.anycheck.auth.client.model.TokenResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uses the Java client that openapi-generator builds from openapi.yaml against the packaged
 * server, started once with {@code demo} on 127.0.0.1. The client compiling and parsing real
 * responses shows that the description is usable for code generation.
 */
class GeneratedClientIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern RUNNING_LINE = Pattern.compile("running at (http://\\S+)");
    private static final Pattern USER_LINE = Pattern.compile("User\\s+(\\S+)\\s+password\\s+(\\S+)");

    private static Process demo;
    private static String base;
    private static String email;
    private static String password;

    @BeforeAll
    static void startDemo() throws IOException {
        String jar = System.getProperty("anycheck.jar");
        assertThat(jar).as("system property anycheck.jar, set by the failsafe plugin").isNotNull();
        assertThat(Path.of(jar)).as("the jar that the bootstrap module packages").exists();

        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "demo");
        builder.environment().put("ANYCHECK_HOST", "127.0.0.1");
        builder.environment().put("ANYCHECK_PORT", String.valueOf(freePort()));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        demo = builder.start();

        BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        base = awaitLine(output, RUNNING_LINE).group(1);
        Matcher user = awaitLine(output, USER_LINE);
        email = user.group(1);
        password = user.group(2);
    }

    @AfterAll
    static void stopDemo() throws InterruptedException {
        if (demo != null) {
            demo.destroy();
            if (!demo.waitFor(20, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    @Test
    void logInShowUserAndRefresh() throws Exception {
        AuthenticationApi auth = new AuthenticationApi(client());

        TokenResponse login = auth.logIn(new LoginRequest().email(email).password(password)).getData();
        assertThat(login.getExpiresIn()).isEqualTo(3600);
        assertThat(login.getTokenType()).isEqualTo(TokenResponse.TokenTypeEnum.BEARER);
        assertThat(login.getUser().getEmail()).isEqualTo(email);

        CurrentUser me = auth.showCurrentUser(Map.of("Authorization", "Bearer " + login.getAccessToken())).getData();
        assertThat(me.getEmail()).isEqualTo(email);
        assertThat(me.getOrganization().getPlan()).isNotNull();
        assertThat(me.getMemberships()).isNotEmpty();

        TokenResponse refreshed = auth.refresh(new RefreshRequest().refreshToken(login.getRefreshToken())).getData();
        assertThat(refreshed.getRefreshToken()).isNotEqualTo(login.getRefreshToken());
        assertThat(refreshed.getUser().getId()).isEqualTo(login.getUser().getId());

        // TODO: issue an API key with ApiKeysApi and call /auth/me with X-API-Key once the server
        // serves /api-keys.
    }

    @Test
    void errorsParseIntoErrorEnvelope() throws Exception {
        ApiClient client = client();
        AuthenticationApi auth = new AuthenticationApi(client);

        ApiException wrongPassword = catchThrowableOfType(ApiException.class,
                () -> auth.logIn(new LoginRequest().email(email).password("not the password")));

        assertThat(wrongPassword.getCode()).isEqualTo(401);
        ErrorEnvelope envelope = client.getObjectMapper().readValue(wrongPassword.getResponseBody(), ErrorEnvelope.class);
        assertThat(envelope.getSuccess()).isFalse();
        assertThat(envelope.getError().getCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(envelope.getError().getMessage()).isEqualTo("Email or password is incorrect");
    }

    @Test
    void readinessIsReported() throws Exception {
        assertThat(new HealthApi(client()).checkReadiness().getData().getStatus().getValue()).isEqualTo("ready");
    }

    @Test
    void jarServesDescriptionAndDocs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/openapi.yaml", "/docs", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isNotEmpty();
        }
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        client.setReadTimeout(Duration.ofSeconds(20));
        return client;
    }

    /** Reads lines until one matches, within the start timeout. */
    private static Matcher awaitLine(BufferedReader reader, Pattern pattern) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = reader.readLine();
            if (line == null) {
                throw new AssertionError("the demo ended before printing a line matching " + pattern);
            }
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + START_TIMEOUT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
