package id.anycheck.auth.bootstrap;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the HTTP application until the process is asked to stop, then stops it gracefully. */
final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private Server() {
    }

    /** Starts the service's HTTP application and returns it; stops it and the service on shutdown. */
    static Javalin start(Service service) {
        return start(service, config -> { });
    }

    /**
     * Starts the service's HTTP application with graceful stopping, and logs the start-up banner.
     *
     * @param more further application settings, such as extra routes in tests
     */
    static Javalin start(Service service, Consumer<JavalinConfig> more) {
        Settings settings = service.settings();
        Logging.applyLoggerLevels(settings.operations().loggerLevels());
        Javalin app = service.httpApp(config -> {
            config.jetty.modifyServer(jetty -> {
                // Jetty's GracefulHandler tracks requests in progress, so that stopping waits for
                // them up to the stop timeout, and rejects with 503 any request that arrives on an
                // open connection while stopping.
                jetty.insertHandler(new GracefulHandler());
                jetty.setStopTimeout(settings.operations().shutdownTimeout().toMillis());
            });
            more.accept(config);
        });
        app.start(settings.host(), settings.port());
        service.startHousekeeping();
        LOG.info(Banner.line(settings, app.port()));
        return app;
    }

    /** Blocks until SIGTERM or SIGINT, then stops the application and closes the service. */
    static void awaitShutdown(Javalin app, Service service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(app, service);
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    /**
     * Stops accepting connections, waits up to the shutdown timeout for requests in progress,
     * closes the connections still open, then closes the connection pool.
     */
    static void stop(Javalin app, Service service) {
        long timeoutSeconds = service.settings().operations().shutdownTimeout().toSeconds();
        LOG.info("Stopping: waiting up to {} s for requests in progress", timeoutSeconds);
        try {
            app.stop();
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            // Jetty has stopped all the same and closed the connections of those requests.
            LOG.warn("Requests still in progress after {} s were cut off; raise {} to wait longer", timeoutSeconds,
                    Variable.SHUTDOWN_TIMEOUT_SECONDS.key());
        } finally {
            service.close();
        }
        LOG.info("Stopped");
    }
}
