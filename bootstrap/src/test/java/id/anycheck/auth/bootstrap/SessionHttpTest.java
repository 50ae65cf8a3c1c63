package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.BearerTokenHttpTest.assertTokenRejected;
import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refresh and logout over HTTP: single-use refresh tokens, reuse detection, revocation. */
class SessionHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void refreshReturnsNewTokens() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            JsonNode login = logIn(http);

            Http.Reply reply = http.refresh(login.path("refresh_token").asText());

            assertThat(reply.status()).isEqualTo(200);
            JsonNode data = reply.data();
            assertThat(LoginHttpTest.fieldNames(data))
                    .containsExactly("access_token", "refresh_token", "expires_in", "token_type", "user");
            assertThat(data.path("refresh_token").asText()).isNotEqualTo(login.path("refresh_token").asText());
            assertThat(data.path("access_token").asText()).isNotEqualTo(login.path("access_token").asText());
            assertThat(data.path("expires_in").asInt()).isEqualTo(3600);
            assertThat(data.path("user").path("email").asText()).isEqualTo(TestService.USER_EMAIL);
            assertThat(reply.header("Cache-Control")).contains("no-store");
            assertThat(http.get("/auth/me", "Authorization", bearer(data.path("access_token").asText())).status())
                    .isEqualTo(200);
        });
    }

    @Test
    void refreshChainKeepsWorking() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String refreshToken = logIn(http).path("refresh_token").asText();

            for (int i = 0; i < 5; i++) {
                Http.Reply reply = http.refresh(refreshToken);
                assertThat(reply.status()).as("refresh %d", i).isEqualTo(200);
                refreshToken = reply.data().path("refresh_token").asText();
            }
        });
    }

    @Test
    void spentRefreshTokenRevokesSession() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            JsonNode login = logIn(http);
            String spent = login.path("refresh_token").asText();
            JsonNode refreshed = http.refresh(spent).data();

            Http.Reply reuse = http.refresh(spent);

            assertTokenRejected(reuse, "TOKEN_REVOKED");
            assertTokenRejected(http.refresh(refreshed.path("refresh_token").asText()), "TOKEN_REVOKED");
            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(refreshed.path("access_token").asText())),
                    "TOKEN_REVOKED");
            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(login.path("access_token").asText())),
                    "TOKEN_REVOKED");
        });
    }

    @Test
    void reuseLeavesOtherSessionsAlone() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            JsonNode stolen = logIn(http);
            JsonNode other = logIn(http);
            http.refresh(stolen.path("refresh_token").asText());

            http.refresh(stolen.path("refresh_token").asText());

            assertThat(http.get("/auth/me", "Authorization", bearer(other.path("access_token").asText())).status())
                    .isEqualTo(200);
            assertThat(http.refresh(other.path("refresh_token").asText()).status()).isEqualTo(200);
        });
    }

    @Test
    void concurrentRefreshesSucceedOnce() throws Exception {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String refreshToken = logIn(http).path("refresh_token").asText();
            int attempts = 20;
            ExecutorService pool = Executors.newFixedThreadPool(attempts);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < attempts; i++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return http.refresh(refreshToken);
                    }));
                }
                start.countDown();

                List<Http.Reply> successes = new ArrayList<>();
                List<String> failures = new ArrayList<>();
                for (Future<Http.Reply> future : replies) {
                    Http.Reply reply = future.get(30, TimeUnit.SECONDS);
                    if (reply.status() == 200) {
                        successes.add(reply);
                    } else {
                        failures.add(reply.status() + " " + reply.errorCode());
                    }
                }

                assertThat(successes).hasSize(1);
                assertThat(failures).hasSize(attempts - 1).containsOnly("401 TOKEN_REVOKED");
                String winnerAccessToken = successes.get(0).data().path("access_token").asText();
                assertTokenRejected(http.get("/auth/me", "Authorization", bearer(winnerAccessToken)), "TOKEN_REVOKED");
                assertTokenRejected(http.refresh(successes.get(0).data().path("refresh_token").asText()),
                        "TOKEN_REVOKED");
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        });
    }

    @Test
    void expiredRefreshTokenIsExpired() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String refreshToken = logIn(http).path("refresh_token").asText();
            Duration pastExpiry = Duration.ofDays(30).plusSeconds(1);
            service.withClockAdvanced(pastExpiry, () -> {
                Http.Reply reply = http.refresh(refreshToken);

                assertTokenRejected(reply, "TOKEN_EXPIRED");
                assertThat(reply.json().path("error").path("message").asText())
                        .isEqualTo("Your session has expired. Please login again.");
            });
        });
    }

    @Test
    void refreshAfterTwentyNineDaysWorks() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String refreshToken = logIn(http).path("refresh_token").asText();
            Duration almostExpired = Duration.ofDays(29);
            service.withClockAdvanced(almostExpired, () -> {
                assertThat(http.refresh(refreshToken).status()).isEqualTo(200);
            });
        });
    }

    @Test
    void accessTokenIsNotARefreshToken() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = logIn(http).path("access_token").asText();

            assertTokenRejected(http.refresh(accessToken), "TOKEN_INVALID");
        });
    }

    @Test
    void garbageRefreshTokenIsInvalid() {
        JavalinTest.test(service.app(), (server, client) -> {
            assertTokenRejected(new Http(client).refresh("garbage"), "TOKEN_INVALID");
        });
    }

    @Test
    void refreshWithoutTokenIsValidationError() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            LoginHttpTest.assertValidationError(http.postJson("/auth/refresh", "{}"));
            LoginHttpTest.assertValidationError(http.postJson("/auth/refresh", "{\"refresh_token\": 7}"));
            LoginHttpTest.assertValidationError(http.postJson("/auth/refresh", "{\"refresh_token\": \"a\", \"refresh_token\": \"b\"}"));
            assertThat(http.send("POST", "/auth/refresh", "text/plain", new byte[] {'x'}).status()).isEqualTo(415);
        });
    }

    @Test
    void logoutEndsBothTokens() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            JsonNode login = logIn(http);
            String accessToken = login.path("access_token").asText();

            Http.Reply reply = http.post("/auth/logout", "Authorization", bearer(accessToken));

            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.body()).isEmpty();
            assertThat(reply.header("Content-Type")).isEmpty();
            assertTokenRejected(http.get("/auth/me", "Authorization", bearer(accessToken)), "TOKEN_REVOKED");
            assertTokenRejected(http.refresh(login.path("refresh_token").asText()), "TOKEN_REVOKED");
        });
    }

    @Test
    void logoutTwiceIsRevoked() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = logIn(http).path("access_token").asText();
            http.post("/auth/logout", "Authorization", bearer(accessToken));

            assertTokenRejected(http.post("/auth/logout", "Authorization", bearer(accessToken)), "TOKEN_REVOKED");
        });
    }

    @Test
    void logoutLeavesOtherSessionsAlone() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String first = logIn(http).path("access_token").asText();
            String second = logIn(http).path("access_token").asText();

            http.post("/auth/logout", "Authorization", bearer(first));

            assertThat(http.get("/auth/me", "Authorization", bearer(second)).status()).isEqualTo(200);
        });
    }

    @Test
    void logoutWithoutTokenIsUnauthorized() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).post("/auth/logout");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
        });
    }

    @Test
    void logoutWithExpiredTokenIsExpired() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String accessToken = logIn(http).path("access_token").asText();
            Duration pastExpiry = Duration.ofHours(2);
            service.withClockAdvanced(pastExpiry, () -> {
                assertTokenRejected(http.post("/auth/logout", "Authorization", bearer(accessToken)), "TOKEN_EXPIRED");
            });
        });
    }

    private static JsonNode logIn(Http http) {
        Http.Reply reply = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
        assertThat(reply.status()).isEqualTo(200);
        return reply.data();
    }
}
