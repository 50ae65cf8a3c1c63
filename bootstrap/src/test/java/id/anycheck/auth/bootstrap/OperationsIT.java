package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.JarProcesses.awaitLine;
import static id.anycheck.auth.bootstrap.JarProcesses.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar's {@code demo} with JSON logs and stops it with SIGTERM while a login
 * is in progress: the login completes, new connections are refused, and every log line is one
 * JSON object carrying the request's ids.
 */
class OperationsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern RUNNING_LINE = Pattern.compile("running at (http://\\S+)");
    private static final Pattern USER_LINE = Pattern.compile("User\\s+(\\S+)\\s+password\\s+(\\S+)");
    private static final String REQUEST_ID = "operations-it-me-1";
    /** How long the login's body keeps arriving after SIGTERM; far below the shutdown timeout. */
    private static final Duration IN_FLIGHT_HOLD = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    @Test
    void sigtermFinishesInFlightLoginAndLogsJson() throws Exception {
        int port = freePort();
        Path stderr = directory.resolve("stderr.log");
        Process demo = start(port, stderr);
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            String base = awaitLine(output, RUNNING_LINE).group(1);
            Matcher user = awaitLine(output, USER_LINE);
            String loginJson = "{\"email\": \"" + user.group(1) + "\", \"password\": \"" + user.group(2) + "\"}";

            JsonNode login = MAPPER.readTree(send(base + "/auth/login", loginJson, null, "operations-it-login").body());
            String accessToken = login.path("data").path("access_token").asText();
            JsonNode me = MAPPER.readTree(send(base + "/auth/me", null, accessToken, REQUEST_ID).body());

            try (Socket inFlight = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // Leading spaces, which JSON allows, give the trickle below enough bytes for a minute.
                byte[] body = (" ".repeat(600) + loginJson).getBytes(StandardCharsets.UTF_8);
                OutputStream out = inFlight.getOutputStream();
                out.write(("POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Connection: close\r\nExpect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = inFlight.getInputStream();
                // The server sends 100 Continue once the handler reads the body: the login is in progress.
                assertThat(readHead(in)).startsWith("HTTP/1.1 100");

                // The body trickles in, one byte every 100 ms, from before SIGTERM until a while after
                // it: without a graceful stop the server would be gone by then. Each byte keeps the
                // connection busy, because Jetty closes connections idle for a second while stopping.
                AtomicInteger sent = new AtomicInteger();
                CountDownLatch bodyHeldBack = new CountDownLatch(1);
                Thread trickle = new Thread(() -> trickle(out, body, sent, bodyHeldBack), "trickle");
                trickle.start();
                demo.destroy();
                awaitLogLine(stderr, "Stopping");
                awaitConnectionRefused(port);
                Thread.sleep(IN_FLIGHT_HOLD.toMillis());
                assertThat(demo.isAlive()).as("the server waits for the login in progress").isTrue();
                assertThat(jsonLines(stderr)).noneSatisfy(line -> assertThat(line.path("message").asText())
                        .isEqualTo("Stopped"));
                bodyHeldBack.countDown();
                trickle.join();

                out.write(body, sent.get(), body.length - sent.get());
                out.flush();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 200").contains("\"access_token\"");
            }

            assertThat(demo.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            List<JsonNode> logs = jsonLines(stderr);
            assertThat(logs).allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                    .contains("timestamp", "level", "logger", "message"));
            assertThat(logs).anySatisfy(line -> assertThat(line.path("message").asText())
                    .startsWith("anycheck-auth ").contains("listening on 127.0.0.1:" + port));
            assertThat(logs).anySatisfy(line -> {
                assertThat(line.path("logger").asText()).isEqualTo("id.anycheck.auth.http.requests");
                assertThat(line.path("request_id").asText()).isEqualTo(REQUEST_ID);
                assertThat(line.path("principal_id").asText()).isEqualTo(me.path("data").path("id").asText());
                assertThat(line.path("organization_id").asText())
                        .isEqualTo(me.path("data").path("organization").path("id").asText());
            });
            assertThat(logs).last().satisfies(line -> assertThat(line.path("message").asText()).isEqualTo("Stopped"));
        } finally {
            demo.destroyForcibly();
        }
    }

    /** Writes all but the last byte of {@code body}, one every 100 ms, until {@code stop} opens. */
    private static void trickle(OutputStream out, byte[] body, AtomicInteger sent, CountDownLatch stop) {
        try {
            while (sent.get() < body.length - 1 && !stop.await(100, TimeUnit.MILLISECONDS)) {
                out.write(body[sent.get()]);
                out.flush();
                sent.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process start(int port, Path stderr) throws IOException {
        String jar = System.getProperty("anycheck.jar");
        assertThat(jar).as("system property anycheck.jar, set by the failsafe plugin").isNotNull();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "demo"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANYCHECK_"));
        builder.environment().put("ANYCHECK_PORT", String.valueOf(port));
        builder.environment().put("ANYCHECK_LOG_FORMAT", "json");
        builder.environment().put("ANYCHECK_SHUTDOWN_TIMEOUT_SECONDS", "30");
        return builder.start();
    }

    private static HttpResponse<String> send(String url, String json, String accessToken, String requestId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("X-Request-Id", requestId);
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads one response head up to its blank line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    /** Waits until the port refuses connections: the stopping server has closed its listener. */
    private static void awaitConnectionRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(50);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                throw new UncheckedIOException(other);
            }
        }
        throw new AssertionError("port " + port + " still accepts connections " + TIMEOUT + " after SIGTERM");
    }

    private static void awaitLogLine(Path log, String messagePrefix) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (jsonLines(log).stream().anyMatch(line -> line.path("message").asText().startsWith(messagePrefix))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no log line starting with " + messagePrefix + " within " + TIMEOUT);
    }

    /** Parses every complete line of the log; a line that is not one JSON object fails the test. */
    private static List<JsonNode> jsonLines(Path log) throws IOException {
        String text = Files.readString(log);
        int complete = text.lastIndexOf('\n') + 1;
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.substring(0, complete).lines().toList()) {
            JsonNode json = MAPPER.readTree(line);
            assertThat(json.isObject()).as("log line is one JSON object: %s", line).isTrue();
            lines.add(json);
        }
        return lines;
    }

}
