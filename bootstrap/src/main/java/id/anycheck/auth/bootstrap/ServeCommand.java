package id.anycheck.auth.bootstrap;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code serve}: migrates the configured database and serves HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations, then serve HTTP until stopped.")
final class ServeCommand implements Callable<Integer> {

    private final Cli cli;

    ServeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = Settings.fromEnvironment(cli.environment());
        Service service = Service.open(settings, Clock.systemUTC());
        Javalin app = Server.start(service);
        Server.awaitShutdown(app, service);
        return 0;
    }
}
