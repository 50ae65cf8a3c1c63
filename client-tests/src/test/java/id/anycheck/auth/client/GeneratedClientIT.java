package id.anycheck.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.anycheck.auth.client.api.ApiKeysApi;
import id.anycheck.auth.client.api.AuthenticationApi;
import id.anycheck.auth.client.api.HealthApi;
import id.anycheck.auth.client.api.VerificationsApi;
import id.anycheck.auth.client.model.ApiKey;
import id.anycheck.auth.client.model.ApiKeyEnvironment;
import id.anycheck.auth.client.model.CreateVerificationRequest;
import id.anycheck.auth.client.model.CurrentApiKey;
import id.anycheck.auth.client.model.CurrentUser;
import id.anycheck.auth.client.model.ErrorCode;
import id.anycheck.auth.client.model.ErrorEnvelope;
import id.anycheck.auth.client.model.IssueApiKeyRequest;
import id.anycheck.auth.client.model.LoginRequest;
import id.anycheck.auth.client.model.RefreshRequest;
import id.anycheck.auth.client.model.TokenResponse;
import id.anycheck.auth.client.model.Verification;
import id.anycheck.auth.client.model.VerificationCreator;
import id.anycheck.auth.client.model.VerificationStatus;
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
import java.util.UUID;
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
    private static final Pattern ADMIN_LINE = Pattern.compile("Admin\\s+(\\S+)\\s+password\\s+(\\S+)");
    private static final Pattern USER_LINE = Pattern.compile("User\\s+(\\S+)\\s+password\\s+(\\S+)");
    private static final Pattern API_KEY_LINE = Pattern.compile("API key \\(live, group \\S+\\)\\s+(ak_live_\\S+)");

    private static Process demo;
    private static String base;
    private static String adminEmail;
    private static String adminPassword;
    private static String email;
    private static String password;
    private static String demoApiKey;

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
        Matcher admin = awaitLine(output, ADMIN_LINE);
        adminEmail = admin.group(1);
        adminPassword = admin.group(2);
        Matcher user = awaitLine(output, USER_LINE);
        email = user.group(1);
        password = user.group(2);
        demoApiKey = awaitLine(output, API_KEY_LINE).group(1);
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

        CurrentUser me = auth.showCurrentUser(Map.of("Authorization", "Bearer " + login.getAccessToken()))
                .getData().getCurrentUser();
        assertThat(me.getEmail()).isEqualTo(email);
        assertThat(me.getOrganization().getPlan()).isNotNull();
        assertThat(me.getMemberships()).isNotEmpty();

        TokenResponse refreshed = auth.refresh(new RefreshRequest().refreshToken(login.getRefreshToken())).getData();
        assertThat(refreshed.getRefreshToken()).isNotEqualTo(login.getRefreshToken());
        assertThat(refreshed.getUser().getId()).isEqualTo(login.getUser().getId());
    }

    @Test
    void demoApiKeyShowsItsGroup() throws Exception {
        CurrentApiKey me = new AuthenticationApi(client()).showCurrentUser(Map.of("X-API-Key", demoApiKey))
                .getData().getCurrentApiKey();

        assertThat(me.getPrincipalType()).isEqualTo(CurrentApiKey.PrincipalTypeEnum.API_KEY);
        assertThat(demoApiKey).startsWith(me.getApiKey().getPrefix());
        assertThat(me.getApiKey().getEnvironment()).isEqualTo(ApiKeyEnvironment.LIVE);
        assertThat(me.getGroup().getName()).isEqualTo("Default");
        assertThat(me.getRole()).isEqualTo(CurrentApiKey.RoleEnum.USER);
    }

    @Test
    void issuedKeyRecordsVerification() throws Exception {
        ApiClient client = client();
        TokenResponse admin = new AuthenticationApi(client)
                .logIn(new LoginRequest().email(adminEmail).password(adminPassword)).getData();
        UUID groupId = new AuthenticationApi(client).showCurrentUser(Map.of("X-API-Key", demoApiKey))
                .getData().getCurrentApiKey().getGroup().getId();

        ApiKey issued = new ApiKeysApi(client).issueApiKey(new IssueApiKeyRequest().name("Generated client")
                        .groupId(groupId).environment(ApiKeyEnvironment.TEST),
                Map.of("Authorization", "Bearer " + admin.getAccessToken())).getData();
        Verification created = new VerificationsApi(client).createVerification(new CreateVerificationRequest()
                        .service("identity_check").referenceId("client-it-1").subject(Map.of("name", "Ana Lima")),
                Map.of("X-API-Key", issued.getKey())).getData();

        assertThat(issued.getKey()).startsWith("ak_test_").startsWith(issued.getPrefix());
        assertThat(issued.getStatus()).isEqualTo(ApiKey.StatusEnum.ACTIVE);
        assertThat(issued.getCreatedBy().getId()).isEqualTo(admin.getUser().getId());
        assertThat(created.getStatus()).isEqualTo(VerificationStatus.PENDING);
        assertThat(created.getGroupId()).isEqualTo(groupId);
        assertThat(created.getEnvironment()).isEqualTo(ApiKeyEnvironment.TEST);
        assertThat(created.getCreatedBy().getType()).isEqualTo(VerificationCreator.TypeEnum.API_KEY);
        assertThat(created.getCreatedBy().getId()).isEqualTo(issued.getId());
        assertThat(created.getSubject()).isEqualTo(Map.of("name", "Ana Lima"));
        Verification fetched = new VerificationsApi(client)
                .showVerification(created.getId(), Map.of("X-API-Key", issued.getKey())).getData();
        assertThat(fetched.getReferenceId()).isEqualTo("client-it-1");
    }

    @Test
    void errorsParseIntoErrorEnvelope() throws Exception {
        ApiClient client = client();
        AuthenticationApi auth = new AuthenticationApi(client);

        ApiException wrongPassword = catchThrowableOfType(ApiException.class,
                () -> auth.logIn(new LoginRequest().email(email).password("not the password")));

        assertThat(wrongPassword.getCode()).isEqualTo(401);
        ErrorEnvelope envelope = client.getObjectMapper().readValue(wrongPassword.getResponseBody(), ErrorEnvelope.class);
        assertThat(envelope.getSuccess()).isEqualTo(ErrorEnvelope.SuccessEnum.FALSE);
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
