package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The start and stop sequence that {@code serve} and {@code demo} run, in this process. */
class ServerTest {

    @Test
    void startLogsBannerAndStopClosesPool() throws Exception {
        int port = JarProcesses.freePort();
        Service service = openService(port, Map.of());

        try (LogCapture logs = new LogCapture()) {
            Javalin app = Server.start(service);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Server.stop(app, service);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("listening on 127.0.0.1:" + port, "database H2 mem:test-"));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("Stopped"));
        }
        assertThat(((HikariDataSource) service.database().dataSource()).isClosed()).isTrue();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void stopCutsOffRequestsAfterTimeout() throws Exception {
        int port = JarProcesses.freePort();
        Service service = openService(port, Map.of("ANYCHECK_SHUTDOWN_TIMEOUT_SECONDS", "1"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A request that outlasts the shutdown timeout: it waits until the test releases it. A
        // before-handler runs ahead of the authentication filter, which would reject the request.
        Javalin app = Server.start(service, config -> config.routes.before("/slow", ctx -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }));
        CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        try (LogCapture logs = new LogCapture()) {
            long started = System.nanoTime();
            Server.stop(app, service);
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);

            assertThat(stopping).isLessThan(Duration.ofSeconds(15));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("WARN").contains("cut off", "ANYCHECK_SHUTDOWN_TIMEOUT_SECONDS"));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("Stopped"));
        } finally {
            release.countDown();
        }
        assertThat(((HikariDataSource) service.database().dataSource()).isClosed()).isTrue();
        assertThat(slow).failsWithin(Duration.ofSeconds(10));
    }

    private static Service openService(int port, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(TestService.lowCostEnvironment());
        environment.put("ANYCHECK_HOST", TestService.LOOPBACK);
        environment.put("ANYCHECK_PORT", String.valueOf(port));
        environment.putAll(overrides);
        return Service.open(Settings.fromEnvironment(environment), Clock.systemUTC());
    }
}
