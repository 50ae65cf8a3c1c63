package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed-login lockout over real HTTP. The loopback peer is a trusted proxy here, so each test
 * names its own client address in X-Forwarded-For and the locks of one test leave the others alone.
 */
class LockoutHttpTest {

    @RegisterExtension
    static final TestService service = new TestService(Map.of("ANYCHECK_TRUSTED_PROXIES", "127.0.0.1"));

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    /** Returns a client address no other test uses. */
    private static String newClient() {
        int n = NEXT_CLIENT.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    @Test
    void fifthFailureLocksEvenRightPassword() {
        Tenant tenant = Tenant.create(service);
        String client = newClient();
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            for (int i = 1; i <= 5; i++) {
                assertThat(logIn(http, tenant.userEmail, "wrong password", client).status()).as("attempt %d", i)
                        .isEqualTo(401);
            }

            Http.Reply locked = logIn(http, tenant.userEmail, Tenant.PASSWORD, client);

            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.errorCode()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(locked.header("Retry-After")).contains("60");
        });
    }

    @Test
    void parallelWrongPasswordsLetFiveThrough() throws Exception {
        Tenant tenant = Tenant.create(service);
        String client = newClient();
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                guesses.add(() -> logIn(http, tenant.userEmail, "wrong password", client).status());
            }

            List<Integer> statuses = runTogether(guesses);

            assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
            assertThat(logIn(http, tenant.userEmail, Tenant.PASSWORD, client).status()).isEqualTo(429);
        });
    }

    @Test
    void unknownEmailLockLooksTheSame() {
        Tenant tenant = Tenant.create(service);
        String unknownEmail = "nobody-" + UUID.randomUUID() + "@tenant.example";
        String client = newClient();
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            for (int i = 0; i < 5; i++) {
                logIn(http, tenant.userEmail, "wrong password", client);
                logIn(http, unknownEmail, "wrong password", client);
            }

            Http.Reply known = logIn(http, tenant.userEmail, "wrong password", client);
            Http.Reply unknown = logIn(http, unknownEmail, "wrong password", client);

            assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(429);
            assertThat(withoutRequestId(unknown)).isEqualTo(withoutRequestId(known));
            assertThat(headerNames(unknown)).isEqualTo(headerNames(known));
            assertThat(unknown.header("Retry-After")).isEqualTo(known.header("Retry-After"));
        });
    }

    @Test
    void lockLeavesOtherClientsAlone() {
        Tenant tenant = Tenant.create(service);
        String client = newClient();
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            for (int i = 0; i < 5; i++) {
                logIn(http, tenant.userEmail, "wrong password", client);
            }

            assertThat(logIn(http, tenant.userEmail, Tenant.PASSWORD, newClient()).status()).isEqualTo(200);
        });
    }

    @Test
    void lockExpiresOnItsOwn() {
        Tenant tenant = Tenant.create(service);
        String client = newClient();
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            for (int i = 0; i < 5; i++) {
                logIn(http, tenant.userEmail, "wrong password", client);
            }

            service.withClockAdvanced(Duration.ofSeconds(61), () ->
                    assertThat(logIn(http, tenant.userEmail, Tenant.PASSWORD, client).status()).isEqualTo(200));
        });
    }

    @Test
    void adminUnlockEndsLock() {
        Tenant tenant = Tenant.create(service);
        String client = newClient();
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            for (int i = 0; i < 5; i++) {
                logIn(http, tenant.userEmail, "wrong password", client);
            }
            String admin = Tenant.token(http, tenant.adminEmail);

            Http.Reply unlocked = http.post("/users/" + tenant.userId + "/unlock", "Authorization", bearer(admin));

            assertThat(unlocked.status()).isEqualTo(204);
            assertThat(logIn(http, tenant.userEmail, Tenant.PASSWORD, client).status()).isEqualTo(200);
        });
    }

    @Test
    void unlockRejectsOtherCallers() {
        Tenant tenant = Tenant.create(service);
        Tenant other = Tenant.create(service);
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            String path = "/users/" + tenant.userId + "/unlock";
            String manager = Tenant.token(http, tenant.managerEmail);
            String otherAdmin = Tenant.token(http, other.adminEmail);

            assertThat(http.post(path, "Authorization", bearer(manager)).status()).isEqualTo(403);
            assertThat(http.post(path, "X-API-Key", tenant.apiKey()).status()).isEqualTo(403);
            assertThat(http.post(path).status()).isEqualTo(401);
            assertThat(http.post(path, "Authorization", bearer(otherAdmin)).status()).isEqualTo(404);
            assertThat(http.post("/users/not-a-uuid/unlock", "Authorization", bearer(otherAdmin)).status())
                    .isEqualTo(404);
        });
    }

    @Test
    void manyEmailsLockTheClient() {
        Tenant tenant = Tenant.create(service);
        String client = newClient();
        JavalinTest.test(service.app(), (server, httpClient) -> {
            Http http = new Http(httpClient);
            for (int i = 0; i < 20; i++) {
                logIn(http, "guess-" + i + "-" + UUID.randomUUID() + "@tenant.example", "wrong password", client);
            }

            Http.Reply rejected = logIn(http, tenant.userEmail, Tenant.PASSWORD, client);

            assertThat(rejected.status()).isEqualTo(429);
            assertThat(rejected.errorCode()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(rejected.json().path("error").path("message").asText()).contains("from this network");
            assertThat(rejected.header("Retry-After")).contains("900");
            assertThat(logIn(http, tenant.userEmail, Tenant.PASSWORD, newClient()).status()).isEqualTo(200);
        });
    }

    private static Http.Reply logIn(Http http, String email, String password, String client) {
        return http.postJson("/auth/login", Http.json(Map.of("email", email, "password", password)),
                "X-Forwarded-For", client);
    }

    private static JsonNode withoutRequestId(Http.Reply reply) {
        ObjectNode body = reply.json().deepCopy();
        ((ObjectNode) body.path("error")).remove("request_id");
        return body;
    }

    private static Set<String> headerNames(Http.Reply reply) {
        Set<String> names = new TreeSet<>(reply.headers().map().keySet());
        names.remove("date");
        return names;
    }

    private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = executor.invokeAll(calls, 60, TimeUnit.SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
