package id.anycheck.auth.bootstrap;

import io.javalin.Javalin;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the HTTP application until the process is asked to stop. */
final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private Server() {
    }

    /** Starts the service's HTTP application and returns it; stops it and the service on shutdown. */
    static Javalin start(Service service) {
        Settings settings = service.settings();
        Javalin app = service.httpApp(config -> { });
        app.start(settings.host(), settings.port());
        LOG.info("anycheck-auth {} listening on {}:{}, database {}", Main.Version.current(), settings.host(),
                app.port(), service.database().kind().displayName());
        return app;
    }

    /** Blocks until SIGTERM or SIGINT, then stops the application and closes the service. */
    static void awaitShutdown(Javalin app, Service service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            app.stop();
            service.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
