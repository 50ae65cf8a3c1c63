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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start and stop sequence that {@code serve} and {@code demo} run, in this process. */
class ServerTest {

    @Test
    void startLogsBannerAndStopClosesPool() throws Exception {
        int port = JarProcesses.freePort();
        Map<String, String> environment = new HashMap<>(TestService.lowCostEnvironment());
        environment.put("ANYCHECK_HOST", TestService.LOOPBACK);
        environment.put("ANYCHECK_PORT", String.valueOf(port));
        Service service = Service.open(Settings.fromEnvironment(environment), Clock.systemUTC());

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
}
