package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a new user would, with {@code demo} and with {@code provision-org}
 * followed by {@code serve}, and walks through the reference page's JWT examples over HTTP.
 */
class RunnableJarIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern USER_LINE = Pattern.compile("User\\s+(\\S+)\\s+password\\s+(\\S+)");
    private static final Pattern RUNNING_LINE = Pattern.compile("running at (http://\\S+)");

    @TempDir
    Path directory;

    /** Standard error of each started process, which also carries its logs. */
    private final Map<Process, Path> stderrLogs = new HashMap<>();

    @Test
    void demoAnswersReferenceExamples() throws Exception {
        int port = freePort();
        Process demo = start(List.of("demo"), Map.of("ANYCHECK_PORT", String.valueOf(port)), false);
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            String base = awaitLine(output, RUNNING_LINE).group(1);
            Matcher user = awaitLine(output, USER_LINE);

            assertThat(base).as("the demo listens on this machine only").isEqualTo("http://127.0.0.1:" + port);

            walkThroughReferenceExamples(base, user.group(1), user.group(2));
        } finally {
            stop(demo);
        }
    }

    @Test
    void provisionThenServeKeepsTokensAcrossRestart() throws Exception {
        Map<String, String> environment = Map.of(
                "ANYCHECK_DB_URL", "jdbc:h2:file:" + directory.resolve("anycheck").toAbsolutePath(),
                "ANYCHECK_PORT", String.valueOf(freePort()));
        Process provision = start(List.of("provision-org", "--name", "Acme", "--plan", "starter",
                "--admin-email", "admin@acme.example", "--admin-name", "Ada Admin", "--json"), environment);
        assertThat(provision.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(provision.exitValue()).isZero();
        JsonNode provisioned = MAPPER.readTree(provision.getInputStream().readAllBytes());
        String password = provisioned.path("admin").path("password").asText();
        String base = "http://127.0.0.1:" + environment.get("ANYCHECK_PORT");

        String accessToken;
        Process serve = start(List.of("serve"), environment);
        try {
            awaitReady(serve, base);
            walkThroughReferenceExamples(base, "admin@acme.example", password);
            assertFileInUseExplained(environment);
            accessToken = call("POST", base + "/auth/login",
                    "{\"email\": \"admin@acme.example\", \"password\": \"" + password + "\"}", null)
                    .path("data").path("access_token").asText();
        } finally {
            stop(serve);
        }

        Process restarted = start(List.of("serve"), environment);
        try {
            awaitReady(restarted, base);
            JsonNode me = call("GET", base + "/auth/me", null, accessToken);
            assertThat(me.path("data").path("email").asText()).isEqualTo("admin@acme.example");
            assertThat(me.path("data").path("admin").asBoolean()).isTrue();
        } finally {
            stop(restarted);
        }
    }

    /** An H2 file allows one process, so a second command must fail with a one-line explanation. */
    private void assertFileInUseExplained(Map<String, String> environment) throws Exception {
        Process migrate = start(List.of("migrate"), environment);
        assertThat(migrate.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String stderr = Files.readString(stderrLogs.get(migrate));
        assertThat(migrate.exitValue()).isEqualTo(1);
        assertThat(stderr.strip().lines().filter(line -> line.startsWith("Failed:")))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("in use by another process");
    }

    private static void walkThroughReferenceExamples(String base, String email, String password) throws Exception {
        JsonNode login = call("POST", base + "/auth/login",
                "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}", null);
        assertThat(login.path("success").asBoolean()).isTrue();
        assertThat(login.path("data").path("expires_in").asInt()).isEqualTo(3600);
        assertThat(login.path("data").path("user").path("email").asText()).isEqualTo(email);
        String accessToken = login.path("data").path("access_token").asText();
        String refreshToken = login.path("data").path("refresh_token").asText();

        JsonNode me = call("GET", base + "/auth/me", null, accessToken);
        assertThat(me.path("data").path("email").asText()).isEqualTo(email);

        JsonNode refreshed = call("POST", base + "/auth/refresh", "{\"refresh_token\": \"" + refreshToken + "\"}", null);
        assertThat(refreshed.path("success").asBoolean()).isTrue();
        assertThat(refreshed.path("data").path("refresh_token").asText()).isNotEqualTo(refreshToken);

        JsonNode wrong = call("POST", base + "/auth/login",
                "{\"email\": \"" + email + "\", \"password\": \"not the password\"}", null);
        assertThat(wrong.toString()).isEqualTo(
                "{\"success\":false,\"error\":{\"code\":\"INVALID_CREDENTIALS\",\"message\":\"Email or password is incorrect\","
                        + "\"request_id\":\"" + wrong.path("error").path("request_id").asText() + "\"}}");

        HttpResponse<String> logout = send("POST", base + "/auth/logout", null,
                refreshed.path("data").path("access_token").asText());
        assertThat(logout.statusCode()).isEqualTo(204);
        JsonNode afterLogout = call("GET", base + "/auth/me", null, refreshed.path("data").path("access_token").asText());
        assertThat(afterLogout.path("error").path("code").asText()).isEqualTo("TOKEN_REVOKED");
    }

    private Process start(List<String> arguments, Map<String, String> environment) throws IOException {
        return start(arguments, environment, true);
    }

    /** @param onLoopback whether to set ANYCHECK_HOST to 127.0.0.1 rather than leave the default */
    private Process start(List<String> arguments, Map<String, String> environment, boolean onLoopback)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar()));
        command.addAll(arguments);
        Path stderrLog = directory.resolve("stderr-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(stderrLog.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANYCHECK_"));
        if (onLoopback) {
            builder.environment().put("ANYCHECK_HOST", "127.0.0.1");
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        stderrLogs.put(process, stderrLog);
        return process;
    }

    private static String jar() {
        String jar = System.getProperty("anycheck.jar");
        assertThat(jar).as("system property anycheck.jar, set by the failsafe plugin").isNotNull();
        assertThat(Path.of(jar)).exists();
        return jar;
    }

    /** Reads lines until one matches, within the start timeout. */
    private static Matcher awaitLine(BufferedReader reader, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = reader.readLine();
            if (line == null) {
                throw new AssertionError("process ended before printing a line matching " + pattern);
            }
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + START_TIMEOUT);
    }

    private static void awaitReady(Process process, String base) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server process is running").isTrue();
            try {
                if (send("GET", base + "/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The server is still starting.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server not ready within " + START_TIMEOUT);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static JsonNode call(String method, String url, String json, String accessToken) throws Exception {
        return MAPPER.readTree(send(method, url, json, accessToken).body());
    }

    private static HttpResponse<String> send(String method, String url, String json, String accessToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpRequest built = request.build();
        HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
        DescriptionCheck.verify(method, built.uri().getRawPath(), built.headers(),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), response.statusCode(), response.headers(),
                response.body());
        return response;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
