package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

/** Responses when the database is broken or gone. Each test uses a service of its own. */
class FailureHttpTest {

    @Test
    void unexpectedErrorHidesInternals() {
        try (TestService service = new TestService(); LogCapture logs = new LogCapture()) {
            service.service.database().jdbi().useHandle(handle -> handle.execute("DROP TABLE sessions"));

            JavalinTest.test(service.app(), (server, client) -> {
                Http.Reply reply = new Http(client).logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);

                assertThat(reply.status()).isEqualTo(500);
                assertThat(reply.errorCode()).isEqualTo("INTERNAL_ERROR");
                assertThat(reply.json().path("error").path("message").asText()).isEqualTo("An unexpected error occurred.");
                assertThat(reply.body()).doesNotContainIgnoringCase("sessions").doesNotContain("Exception");
                String requestId = reply.header("X-Request-Id").orElseThrow();
                assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                        .startsWith("ERROR")
                        .contains("request_id=" + requestId)
                        .contains("SESSIONS"));
            });
        }
    }

    @Test
    void databaseDownIsServiceUnavailable() {
        try (TestService service = new TestService()) {
            service.service.database().close();

            JavalinTest.test(service.app(), (server, client) -> {
                Http http = new Http(client);
                Http.Reply login = http.logIn(TestService.USER_EMAIL, TestService.USER_PASSWORD);
                Http.Reply ready = http.get("/health/ready");
                Http.Reply live = http.get("/health");

                assertThat(login.status()).isEqualTo(503);
                assertThat(login.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(login.header("Retry-After")).contains("5");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(ready.header("Retry-After")).contains("5");
                assertThat(live.status()).isEqualTo(200);
            });
        }
    }
}
