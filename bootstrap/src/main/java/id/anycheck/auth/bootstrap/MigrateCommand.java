package id.anycheck.auth.bootstrap;

import id.anycheck.auth.persistence.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code migrate}: applies pending database migrations and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending migrations to the database of ANYCHECK_DB_URL and exit.")
final class MigrateCommand implements Callable<Integer> {

    private final Cli cli;

    MigrateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Settings settings = Settings.fromEnvironment(cli.environment());
        try (Database database = Database.open(settings.database())) {
            int applied = database.migrate();
            cli.out().println("Applied " + applied + " migration(s); the " + database.kind().displayName()
                    + " database schema is up to date.");
        }
        return 0;
    }
}
