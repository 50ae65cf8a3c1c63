package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.anycheck.auth.persistence.Database;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    /** Exit code and output of one run of the command line. */
    record Run(int exitCode, String out, String err) {
    }

    private final Map<String, String> environment = new HashMap<>(TestService.lowCostEnvironment());


    @Test
    void helpListsCommandsAndVariables() {
        Run run = run("", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve", "demo", "migrate", "provision-org");
        for (Variable variable : Variable.values()) {
            String shownDefault = variable.defaultValue().isEmpty() ? "(empty)" : variable.defaultValue();
            assertThat(run.out())
                    .containsPattern(Pattern.quote(variable.key()) + "\\s+default " + Pattern.quote(shownDefault));
        }
    }

    /**
     * Each unusable value stops the command before it touches the database: exit code 2 and one
     * line on standard error that names the variable and gives the fix.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "ANYCHECK_PORT                     | 0                          | 1 to 65535",
        "ANYCHECK_PORT                     | 70000                      | 1 to 65535",
        "ANYCHECK_DB_URL                   | postgres://127.0.0.1/x     | must start with jdbc:h2: or jdbc:postgresql:",
        "ANYCHECK_DB_URL                   | jdbc:postgresql://h:abc/x  | not a valid PostgreSQL JDBC URL",
        "ANYCHECK_DB_POOL_SIZE             | ten                        | 1 to 500",
        "ANYCHECK_DB_CONNECTION_TIMEOUT_MS | 10                         | 250 to 600000",
        "ANYCHECK_JWT_SECRET               | not base64!                | not valid base64",
        "ANYCHECK_MFA_ENCRYPTION_KEY       | not base64!                | not valid base64",
        "ANYCHECK_SESSION_CACHE_SECONDS    | -1                         | 0 to 3600",
        "ANYCHECK_MAX_BODY_BYTES           | 12                         | 1024 to 16777216",
        "ANYCHECK_ARGON2_MEMORY_KIB        | 4                          | 8 to 262144",
        "ANYCHECK_ARGON2_ITERATIONS        | 0                          | 1 to 16",
        "ANYCHECK_ARGON2_PARALLELISM       | many                       | 1 to 16",
        "ANYCHECK_HASH_CONCURRENCY         | 0                          | 1 to 1024",
        "ANYCHECK_LOG_LEVEL                | LOUD                       | ERROR, WARN, INFO, DEBUG or TRACE",
        "ANYCHECK_LOG_LEVELS               | org.eclipse.jetty          | LOGGER=LEVEL",
        "ANYCHECK_LOG_LEVELS               | org.eclipse.jetty=CHATTY   | LOGGER=LEVEL",
        "ANYCHECK_LOG_FORMAT               | xml                        | text or json",
        "ANYCHECK_SHUTDOWN_TIMEOUT_SECONDS | soon                       | 1 to 3600",
    })
    void invalidVariableStopsWithItsNameAndFix(String variable, String value, String fix) {
        environment.put(variable, value);

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("Configuration error: " + variable)
                .contains(fix);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shortMetricsTokenStopsWithoutEchoingIt() {
        environment.put("ANYCHECK_METRICS_TOKEN", "short-secret");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_METRICS_TOKEN", "at least 16 characters", "openssl rand -hex 32");
        assertThat(run.err()).doesNotContain("short-secret");
    }

    @Test
    void argon2MemoryBelowLanesStopsWithItsName() {
        environment.put("ANYCHECK_ARGON2_MEMORY_KIB", "16");
        environment.put("ANYCHECK_ARGON2_PARALLELISM", "4");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_ARGON2_MEMORY_KIB", "8 KiB per lane");
    }

    @Test
    void missingCommandIsUsageError() {
        Run run = run("");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command");
    }

    @Test
    void unknownCommandIsUsageError() {
        Run run = run("", "launch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("launch");
    }

    @Test
    void migrateAppliesSchema() {
        Run first = run("", "migrate");
        Run second = run("", "migrate");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).containsPattern("Applied [1-9][0-9]* migration\\(s\\)");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Applied 0 migration(s)");
    }

    @Test
    void migrateAppliesSchemaOnPostgres() {
        try (PostgresSchema schema = PostgresSchema.create()) {
            environment.putAll(schema.credentials());
            environment.put("ANYCHECK_DB_URL", schema.url());

            Run first = run("", "migrate");
            Run second = run("", "migrate");

            assertThat(first.exitCode()).isZero();
            assertThat(first.out()).containsPattern("Applied [1-9][0-9]* migration\\(s\\); the PostgreSQL database");
            assertThat(second.exitCode()).isZero();
            assertThat(second.out()).contains("Applied 0 migration(s)");
        }
    }

    @Test
    void provisionOrgPrintsOneJsonObject() throws Exception {
        Run run = run("", "provision-org", "--name", "Acme", "--plan", "starter", "--admin-email", "Ops@Acme.example",
                "--admin-name", "Olga Ops", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(LoginHttpTest.fieldNames(json)).containsExactly("organization_id", "group_id", "admin", "api_key");
        assertThat(LoginHttpTest.fieldNames(json.path("admin"))).containsExactly("id", "email", "password");
        assertThat(LoginHttpTest.fieldNames(json.path("api_key"))).containsExactly("id", "key");
        assertThat(json.path("api_key").path("key").asText()).matches("ak_live_[0-9A-Za-z]{55}");
        assertThat(json.path("organization_id").asText()).hasSize(36);
        assertThat(json.path("group_id").asText()).hasSize(36);
        assertThat(json.path("admin").path("email").asText()).isEqualTo("Ops@Acme.example");
        String password = json.path("admin").path("password").asText();
        assertThat(password).matches("[0-9A-Za-z]{20}");
        assertCanLogIn("ops@acme.example", password);
        assertKeyWorks(json.path("api_key").path("key").asText(), json.path("group_id").asText());
    }

    @Test
    void issueApiKeyPrintsOneJsonObject() throws Exception {
        JsonNode organization = provisionJson("Delta", "d@delta.example");

        Run run = run("", "issue-api-key", "--org", organization.path("organization_id").asText(), "--group",
                organization.path("group_id").asText(), "--name", "Staging server", "--environment", "test",
                "--expires-in-days", "30", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(LoginHttpTest.fieldNames(json))
                .containsExactly("id", "key", "prefix", "name", "group_id", "environment", "expires_at");
        assertThat(json.path("key").asText()).startsWith(json.path("prefix").asText()).startsWith("ak_test_");
        assertThat(json.path("environment").asText()).isEqualTo("test");
        assertThat(json.path("expires_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertKeyWorks(json.path("key").asText(), organization.path("group_id").asText());
    }

    @Test
    void issueApiKeyRejectsInvalidArguments() {
        JsonNode organization = provisionJson("Epsilon", "e@epsilon.example");

        Run run = run("", "issue-api-key", "--org", organization.path("organization_id").asText(), "--group",
                "nope", "--name", "Staging", "--environment", "prod", "--expires-in-days", "365");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--group", "--environment", "--expires-in-days");
    }

    @Test
    void issueApiKeyForUnknownOrganizationFails() {
        Run run = run("", "issue-api-key", "--org", UUID.randomUUID().toString(), "--group",
                UUID.randomUUID().toString(), "--name", "Staging", "--environment", "live");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not found");
    }

    @Test
    void issueApiKeyRejectsMalformedOrganizationId() {
        Run run = run("", "issue-api-key", "--org", "acme", "--group", UUID.randomUUID().toString(), "--name",
                "Staging", "--environment", "live");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--org");
    }

    @Test
    void apiKeyLimitStopsFurtherIssues() {
        JsonNode organization = provisionJson("Zeta", "z@zeta.example");
        String organizationId = organization.path("organization_id").asText();

        Run set = run("", "set-api-key-limit", "--org", organizationId, "--limit", "1");
        Run issue = run("", "issue-api-key", "--org", organizationId, "--group",
                organization.path("group_id").asText(), "--name", "Second", "--environment", "live");

        assertThat(set.exitCode()).isZero();
        assertThat(issue.exitCode()).isEqualTo(1);
        assertThat(issue.err()).contains("contract limit of 1 active API keys");
    }

    @Test
    void setPlanMovesOrganization() {
        JsonNode organization = provisionJson("Theta", "t@theta.example");
        String organizationId = organization.path("organization_id").asText();

        Run moved = run("", "set-plan", "--org", organizationId, "--plan", "Enterprise");
        Run unknownPlan = run("", "set-plan", "--org", organizationId, "--plan", "gold");
        Run unknownOrganization = run("", "set-plan", "--org", UUID.randomUUID().toString(), "--plan", "starter");

        assertThat(moved.exitCode()).isZero();
        assertThat(moved.out()).contains("is now on plan enterprise");
        try (Database database = Database.open(Settings.fromEnvironment(environment).database())) {
            String plan = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT plan FROM organizations WHERE id = :id")
                    .bind("id", UUID.fromString(organizationId))
                    .mapTo(String.class)
                    .one());
            assertThat(plan).isEqualTo("ENTERPRISE");
        }
        assertThat(unknownPlan.exitCode()).isEqualTo(2);
        assertThat(unknownPlan.err()).contains("--plan", "gold");
        assertThat(unknownOrganization.exitCode()).isEqualTo(1);
        assertThat(unknownOrganization.err()).contains("not found");
    }

    @Test
    void setApiKeyLimitRejectsOutOfRange() {
        JsonNode organization = provisionJson("Eta", "h@eta.example");

        Run run = run("", "set-api-key-limit", "--org", organization.path("organization_id").asText(), "--limit",
                "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--limit");
    }

    @Test
    void provisionOrgReadsPasswordFromStdin() throws Exception {
        Run run = run("chosen password 1\n", "provision-org", "--name", "Beta", "--plan", "enterprise",
                "--admin-email", "root@beta.example", "--admin-name", "Rita Root", "--admin-password-stdin", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("admin").path("password").isNull()).isTrue();
        assertThat(run.out()).doesNotContain("chosen password 1");
        assertCanLogIn("root@beta.example", "chosen password 1");
    }

    @Test
    void provisionOrgTextShowsPasswordOnce() {
        Run run = run("", "provision-org", "--name", "Gamma", "--plan", "business", "--admin-email",
                "g@gamma.example", "--admin-name", "Gina");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Provisioned organization \"Gamma\" on plan business.", "admin password",
                "api key          ak_live_");
    }

    @Test
    void provisionOrgRejectsUnknownPlan() {
        Run run = run("", "provision-org", "--name", "Acme", "--plan", "gold", "--admin-email", "a@acme.example",
                "--admin-name", "Ada");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--plan", "gold", "starter, business, enterprise");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void provisionOrgChecksArgumentsBeforeDatabase() {
        environment.put("ANYCHECK_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");

        Run run = run("", "provision-org", "--name", "Acme", "--plan", "gold", "--admin-email", "a@acme.example",
                "--admin-name", "Ada");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--plan").doesNotContain("cannot connect");
    }

    @Test
    void provisionOrgRejectsInvalidEmail() {
        Run run = run("", "provision-org", "--name", "Acme", "--plan", "starter", "--admin-email", "not-an-email",
                "--admin-name", "Ada");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--admin-email");
    }

    @Test
    void provisionOrgRejectsShortStdinPassword() {
        Run run = run("short\n", "provision-org", "--name", "Acme", "--plan", "starter", "--admin-email",
                "a@acme.example", "--admin-name", "Ada", "--admin-password-stdin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--admin-password-stdin", "8 to 256");
    }

    @Test
    void provisionOrgRequiresPasswordOnStdin() {
        Run run = run("", "provision-org", "--name", "Acme", "--plan", "starter", "--admin-email", "a@acme.example",
                "--admin-name", "Ada", "--admin-password-stdin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--admin-password-stdin");
    }

    @Test
    void provisionOrgRequiresOptions() {
        Run run = run("", "provision-org", "--name", "Acme");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options", "--plan", "--admin-email", "--admin-name");
    }

    @Test
    void provisionOrgRejectsRegisteredEmail() {
        String[] arguments = {"provision-org", "--name", "Acme", "--plan", "starter", "--admin-email", "dup@acme.example",
            "--admin-name", "Ada"};
        assertThat(run("", arguments).exitCode()).isZero();

        Run second = run("", arguments);

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("already registered");
    }

    @Test
    void invalidPortStopsWithItsName() {
        environment.put("ANYCHECK_PORT", "eighty");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_PORT", "eighty", "1 to 65535");
    }

    @Test
    void shortJwtSecretStopsWithItsName() {
        environment.put("ANYCHECK_JWT_SECRET", "c2hvcnQ=");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_JWT_SECRET", "at least 32", "openssl rand -base64 32");
        assertThat(run.err()).doesNotContain("c2hvcnQ=");
    }

    @Test
    void shortMfaEncryptionKeyStopsWithItsName() {
        environment.put("ANYCHECK_MFA_ENCRYPTION_KEY", "c2hvcnQ=");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_MFA_ENCRYPTION_KEY", "exactly 32", "openssl rand -base64 32");
        assertThat(run.err()).doesNotContain("c2hvcnQ=");
    }

    @Test
    void unsupportedDatabaseUrlStopsWithItsName() {
        environment.put("ANYCHECK_DB_URL", "jdbc:mysql://127.0.0.1/anycheck");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_DB_URL", "jdbc:postgresql:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:bogus:x", "jdbc:h2:", "jdbc:h2:mem:x;FOO=1"})
    void malformedH2UrlStopsWithItsName(String url) {
        environment.put("ANYCHECK_DB_URL", url);

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_DB_URL", "jdbc:h2:");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void invalidPlanLimitsStopWithTheirName() {
        environment.put("ANYCHECK_PLAN_LIMITS", "starter=60,gold=100");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("ANYCHECK_PLAN_LIMITS", "'gold'", "starter=60,business=600,enterprise=6000");
    }

    @Test
    void zeroPlanLimitStopsWithItsName() {
        environment.put("ANYCHECK_PLAN_LIMITS", "business=0");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_PLAN_LIMITS", "business", "1 to");
    }

    @Test
    void invalidTrustedProxyStopsWithItsName() {
        environment.put("ANYCHECK_TRUSTED_PROXIES", "10.0.0.0/8, proxy.internal");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("ANYCHECK_TRUSTED_PROXIES", "'proxy.internal'", "CIDR");
    }

    @Test
    void invalidRateLimitSettingsStopWithTheirNames() {
        Map<String, String> invalid = Map.of(
                "ANYCHECK_CLIENT_IP_LIMIT_PER_MINUTE", "0",
                "ANYCHECK_RATE_LIMIT_CACHE_SECONDS", "-1",
                "ANYCHECK_RATE_LIMIT_MAX_COUNTERS", "many",
                "ANYCHECK_RATE_LIMIT_DRAFT_FIELDS", "yes");
        for (Map.Entry<String, String> variable : invalid.entrySet()) {
            Map<String, String> saved = new HashMap<>(environment);
            environment.put(variable.getKey(), variable.getValue());

            Run run = run("", "migrate");

            assertThat(run.exitCode()).as(variable.getKey()).isEqualTo(2);
            assertThat(run.err()).as(variable.getKey()).contains(variable.getKey(), "'" + variable.getValue() + "'");
            environment.clear();
            environment.putAll(saved);
        }
    }

    @Test
    void invalidLockoutSettingsStopWithTheirNames() {
        Map<String, String> invalid = Map.of(
                "ANYCHECK_LOGIN_LOCK_THRESHOLD", "0",
                "ANYCHECK_LOGIN_LOCK_BACKOFF_MINUTES", "1,,15",
                "ANYCHECK_LOGIN_EMAIL_LOCK_THRESHOLD", "twenty",
                "ANYCHECK_LOGIN_EMAIL_LOCK_BACKOFF_MINUTES", "0",
                "ANYCHECK_LOGIN_CLIENT_LOCK_THRESHOLD", "-5",
                "ANYCHECK_LOGIN_CLIENT_LOCK_BACKOFF_MINUTES", "60,15",
                "ANYCHECK_LOGIN_FAILURE_WINDOW_MINUTES", "0",
                "ANYCHECK_LOGIN_BACKOFF_RESET_HOURS", "1.5",
                "ANYCHECK_ACCESS_HISTORY_DAYS", "0");
        for (Map.Entry<String, String> variable : invalid.entrySet()) {
            Map<String, String> saved = new HashMap<>(environment);
            environment.put(variable.getKey(), variable.getValue());

            Run run = run("", "migrate");

            assertThat(run.exitCode()).as(variable.getKey()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(variable.getKey()).hasSize(1);
            assertThat(run.err()).as(variable.getKey()).contains(variable.getKey(), "'" + variable.getValue() + "'");
            environment.clear();
            environment.putAll(saved);
        }
    }

    @Test
    void unknownHostStopsWithItsName() {
        environment.put("ANYCHECK_HOST", "no.such.host.invalid");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_HOST", "no.such.host.invalid", "127.0.0.1");
    }

    @Test
    void otherMachinesAddressStopsWithItsName() {
        environment.put("ANYCHECK_HOST", "192.0.2.1");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ANYCHECK_HOST", "192.0.2.1", "not an address of this machine");
    }

    @Test
    void foreignTablesAreExplained() {
        try (Database database = Database.open(Settings.fromEnvironment(environment).database())) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE someone_elses (id INT)"));

            Run run = run("", "migrate");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("did not create", "empty database");
        }
    }

    @Test
    void unreachableDatabaseFails() {
        environment.put("ANYCHECK_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");
        environment.put("ANYCHECK_DB_CONNECTION_TIMEOUT_MS", "250");

        Run run = run("", "migrate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Failed: cannot connect to the database");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    private Run run(String stdin, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(new Cli(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                arguments);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private JsonNode provisionJson(String name, String adminEmail) {
        Run run = run("", "provision-org", "--name", name, "--plan", "starter", "--admin-email", adminEmail,
                "--admin-name", "Admin", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertKeyWorks(String key, String groupId) {
        try (Service service = Service.open(Settings.fromEnvironment(environment), Clock.systemUTC())) {
            JavalinTest.test(service.httpApp(config -> config.jetty.host = TestService.LOOPBACK), (server, client) -> {
                Http.Reply reply = new Http(client).get("/auth/me", "X-API-Key", key);
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.data().path("group").path("id").asText()).isEqualTo(groupId);
            });
        }
    }

    private void assertCanLogIn(String email, String password) {
        try (Service service = Service.open(Settings.fromEnvironment(environment), Clock.systemUTC())) {
            JavalinTest.test(service.httpApp(config -> config.jetty.host = TestService.LOOPBACK), (server, client) -> {
                assertThat(new Http(client).logIn(email, password).status()).isEqualTo(200);
            });
        }
    }
}
