package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The races of the MFA login on PostgreSQL, whose row locking differs from H2's: parallel
 * verifies with one TOTP code, and parallel wrong codes against one MFA token. Skipped when
 * ANYCHECK_TEST_POSTGRES_URL is not set.
 */
class MfaPostgresHttpTest {

    private static final int PARALLEL_REQUESTS = 8;

    @Test
    void concurrentVerifiesOnPostgresSucceedOnce() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create();
                TestService service = new TestService(postgres(schema))) {
            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);
                String secret = enrol(http, service);
                service.clock.advance(Duration.ofSeconds(30));
                String code = MfaHttpTest.code(secret, service.clock.instant());
                List<String> mfaTokens = new ArrayList<>();
                for (int i = 0; i < PARALLEL_REQUESTS; i++) {
                    mfaTokens.add(mfaToken(http));
                }

                List<Integer> statuses = inParallel(mfaTokens.stream()
                        .map(mfaToken -> (Callable<Integer>) () -> verify(http, mfaToken, code))
                        .toList());

                assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
                assertThat(statuses).filteredOn(status -> status == 401).hasSize(PARALLEL_REQUESTS - 1);
            });
        }
    }

    @Test
    void concurrentWrongCodesOnPostgresSpendToken() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create();
                TestService service = new TestService(postgres(schema))) {
            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);
                String secret = enrol(http, service);
                service.clock.advance(Duration.ofSeconds(30));
                String mfaToken = mfaToken(http);
                List<Callable<Integer>> wrongCodes = new ArrayList<>();
                for (int i = 0; i < PARALLEL_REQUESTS; i++) {
                    wrongCodes.add(() -> verify(http, mfaToken, "000000"));
                }

                inParallel(wrongCodes);
                int rightCode = verify(http, mfaToken, MfaHttpTest.code(secret, service.clock.instant()));

                assertThat(rightCode).as("a token that had more than 5 codes is spent").isEqualTo(401);
            });
        }
    }

    private static Map<String, String> postgres(PostgresSchema schema) {
        Map<String, String> environment = new HashMap<>(schema.credentials());
        environment.put("ANYCHECK_DB_URL", schema.url());
        return environment;
    }

    /** Turns MFA on for the service's user and returns the base32 secret. */
    private static String enrol(Http http, TestService service) {
        String token = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD).data().path("access_token")
                .asText();
        String secret = http.post("/auth/mfa/totp", "Authorization", bearer(token)).data().path("secret").asText();
        Http.Reply confirmed = http.postJson("/auth/mfa/totp/confirm",
                Http.json(Map.of("code", MfaHttpTest.code(secret, service.clock.instant()))),
                "Authorization", bearer(token));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return secret;
    }

    private static String mfaToken(Http http) {
        Http.Reply login = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
        assertThat(login.errorCode()).isEqualTo("MFA_REQUIRED");
        return login.json().path("error").path("mfa_token").asText();
    }

    private static int verify(Http http, String mfaToken, String code) {
        return http.postJson("/auth/mfa/verify", Http.json(Map.of("mfa_token", mfaToken, "code", code))).status();
    }

    /** Runs the calls at once, released together, and returns their results in order. */
    private static List<Integer> inParallel(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
