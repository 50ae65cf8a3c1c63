package id.anycheck.auth.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.anycheck.auth.application.ProvisionOrganizationCommand;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyCreator;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.PlaintextApiKey;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.persistence.JdbiApiKeyRepository;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what authentication costs a request. It loads a bare Javalin endpoint first. Then it
 * loads the same trivial handler behind the service's filters, with a bearer token, with one API
 * key, and with 1,000 API keys in turn out of 10,000 stored. Last it measures refreshes. Every
 * server listens on 127.0.0.1, and wrk sends the load.
 *
 * <p>It lives in the bootstrap package to reach the package-private wiring. Usage, after
 * {@code mvn -q package -DskipTests}: compile with {@code javac -cp anycheck-auth.jar}, then
 * {@code java -cp anycheck-auth.jar:CLASSES id.anycheck.auth.bootstrap.AuthOverhead SECONDS}.
 */
public final class AuthOverhead {

    private static final String BODY = "{\"success\":true,\"data\":{\"ok\":true}}";
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final int STORED_KEYS = 10_000;
    private static final int ROTATED_KEYS = 1_000;

    public static void main(String[] arguments) throws Exception {
        int seconds = Integer.parseInt(arguments[0]);
        Path work = Files.createTempDirectory("anycheck-bench");

        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/bench", ctx -> ctx.contentType("application/json").result(BODY));
        }).start();
        double bareRate = load("bare Javalin endpoint", bare.port(), seconds, work, List.of());
        bare.stop();

        Map<String, String> environment = Map.of(
                "ANYCHECK_DB_URL", "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "ANYCHECK_JWT_SECRET", "YmVuY2ggc2VjcmV0IG9mIGF0IGxlYXN0IDMyIGJ5dGVzIGZvciBIUzI1Ng==",
                "ANYCHECK_HOST", "127.0.0.1",
                "ANYCHECK_LOG_LEVEL", "WARN",
                // High enough that no request of a run is rejected, so every request passes the rate limit check.
                "ANYCHECK_PLAN_LIMITS", "starter=10000000,business=10000000,enterprise=10000000",
                "ANYCHECK_CLIENT_IP_LIMIT_PER_MINUTE", "10000000");
        try (Service service = Service.open(Settings.fromEnvironment(environment), Clock.systemUTC())) {
            var provisioned = service.provisionOrganization().provision(new ProvisionOrganizationCommand(
                    "Bench", "enterprise", "bench@bench.example", "Bench", Optional.of("bench password 1")));
            // Routes without a role are protected, so this handler runs only after authentication.
            Javalin app = service.httpApp(config -> {
                config.jetty.host = "127.0.0.1";
                config.jetty.port = 0;
                config.routes.get("/bench", ctx -> ctx.contentType("application/json").result(BODY));
            }).start();

            String token = logIn(app.port());
            String firstKey = provisioned.firstApiKey().plaintext().reveal();
            // The first load through the filters runs while the JIT compiles them. A mixed run of
            // both credentials first keeps that cost out of the measured runs.
            load("warm-up, both credentials (not compared)", app.port(), seconds, work,
                    List.of("Bearer " + token, "key:" + firstKey));
            double bearerRate = load("bearer token", app.port(), seconds, work, List.of("Bearer " + token));
            double keyRate = load("one API key", app.port(), seconds, work, List.of("key:" + firstKey));
            List<String> keys = storeKeys(service, provisioned.organization().id(), provisioned.defaultGroup().id());
            double manyKeysRate = load(ROTATED_KEYS + " of " + STORED_KEYS + " API keys in turn", app.port(), seconds,
                    work, keys.stream().map(key -> "key:" + key).toList());
            refreshLoad(app.port(), seconds, work);
            app.stop();

            System.out.printf("bearer / bare:          %.0f %%%n", 100 * bearerRate / bareRate);
            System.out.printf("one API key / bare:     %.0f %%%n", 100 * keyRate / bareRate);
            System.out.printf("many API keys / bare:   %.0f %%%n", 100 * manyKeysRate / bareRate);
        }
    }

    /** Stores {@value #STORED_KEYS} keys straight through the repository and returns {@value #ROTATED_KEYS} of them. */
    private static List<String> storeKeys(Service service, OrganizationId org, GroupId group) {
        var repository = new JdbiApiKeyRepository(service.database().jdbi());
        repository.setLimit(org, STORED_KEYS + 1);
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < STORED_KEYS; i++) {
            PlaintextApiKey plaintext = PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, random);
            repository.addWithinLimit(ApiKey.issued(plaintext, org, group, "Bench " + i, ApiKeyCreator.operator(),
                    now, now.plus(Duration.ofDays(30)), Optional.empty()), now);
            if (i % (STORED_KEYS / ROTATED_KEYS) == 0) {
                used.add(plaintext.reveal());
            }
        }
        return used;
    }

    /**
     * Measures refreshes per second: two wrk threads with one connection each, every thread
     * sending the refresh token of its own session and taking the new one from each response,
     * as a client does. A reused token would revoke the session and show as errors.
     */
    private static void refreshLoad(int port, int seconds, Path work) throws IOException, InterruptedException {
        String script = "local tokens = {\"" + logInForRefresh(port) + "\", \"" + logInForRefresh(port) + "\"}\n"
                + "local count = 0\n"
                + "setup = function(thread)\n"
                + "  count = count + 1\n"
                + "  thread:set(\"token\", tokens[count])\n"
                + "end\n"
                + "request = function()\n"
                + "  return wrk.format(\"POST\", \"/auth/refresh\", {[\"Content-Type\"] = \"application/json\"},\n"
                + "    '{\"refresh_token\":\"' .. token .. '\"}')\n"
                + "end\n"
                + "response = function(status, headers, body)\n"
                + "  local next_token = body:match('\"refresh_token\":\"([^\"]+)\"')\n"
                + "  if next_token then token = next_token end\n"
                + "end\n"
                + "done = function(summary, latency, requests)\n"
                + "  io.write(string.format(\"non-2xx or errors: %d\\n\", summary.errors.status + summary.errors.connect"
                + " + summary.errors.read + summary.errors.write + summary.errors.timeout))\n"
                + "end\n";
        Path lua = work.resolve("refresh.lua");
        Files.writeString(lua, script, StandardCharsets.UTF_8);
        String output = run(List.of("wrk", "-t", "2", "-c", "2", "-d", seconds + "s", "-s", lua.toString(),
                "http://127.0.0.1:" + port + "/auth/refresh"));
        Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no request rate:\n" + output);
        }
        String errors = output.lines().filter(line -> line.startsWith("non-2xx")).findFirst().orElse("");
        System.out.printf("%-40s %10.0f requests/s   %s%n", "refresh, 2 sessions one at a time each",
                Double.parseDouble(matcher.group(1)), errors);
    }

    private static String logInForRefresh(int port) throws IOException, InterruptedException {
        return logInData(port).path("refresh_token").asText();
    }

    private static String logIn(int port) throws IOException, InterruptedException {
        return logInData(port).path("access_token").asText();
    }

    private static JsonNode logInData(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"bench@bench.example\",\"password\":\"bench password 1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).path("data");
    }

    /**
     * Runs wrk against {@code /bench} after a warm-up and returns requests per second. Each
     * credential is {@code "Bearer ..."} or {@code "key:..."}; with several, each request takes
     * the next one.
     */
    private static double load(String label, int port, int seconds, Path work, List<String> credentials)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("local credentials = {");
        for (String credential : credentials) {
            script.append('"').append(credential).append("\",");
        }
        script.append("}\nlocal next = 0\nrequest = function()\n"
                + "  local headers = {}\n"
                + "  if #credentials > 0 then\n"
                + "    next = next % #credentials + 1\n"
                + "    local credential = credentials[next]\n"
                + "    if credential:sub(1, 4) == \"key:\" then headers[\"X-API-Key\"] = credential:sub(5)\n"
                + "    else headers[\"Authorization\"] = credential end\n"
                + "  end\n"
                + "  return wrk.format(\"GET\", \"/bench\", headers)\n"
                + "end\n"
                + "done = function(summary, latency, requests)\n"
                + "  io.write(string.format(\"non-2xx or errors: %d\\n\", summary.errors.status + summary.errors.connect"
                + " + summary.errors.read + summary.errors.write + summary.errors.timeout))\n"
                + "end\n");
        Path lua = work.resolve("bench.lua");
        Files.writeString(lua, script.toString(), StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + port + "/bench";
        run(List.of("wrk", "-t", "2", "-c", "32", "-d", Math.max(2, seconds / 3) + "s", "-s", lua.toString(), url));
        String output = run(List.of("wrk", "-t", "2", "-c", "32", "-d", seconds + "s", "-s", lua.toString(), url));
        Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no request rate:\n" + output);
        }
        double rate = Double.parseDouble(matcher.group(1));
        String errors = output.lines().filter(line -> line.startsWith("non-2xx")).findFirst().orElse("");
        System.out.printf("%-40s %10.0f requests/s   %s%n", label, rate, errors);
        return rate;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
