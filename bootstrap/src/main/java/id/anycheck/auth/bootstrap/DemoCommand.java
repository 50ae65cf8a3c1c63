package id.anycheck.auth.bootstrap;

import id.anycheck.auth.application.CreateUserCommand;
import id.anycheck.auth.application.CreatedUser;
import id.anycheck.auth.application.ProvisionOrganizationCommand;
import id.anycheck.auth.application.ProvisionedOrganization;
import id.anycheck.auth.domain.user.Role;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code demo}: a fresh in-memory H2 database with a demo organization, served over HTTP. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Serve a demo organization on a fresh in-memory H2 database.",
            "Prints the logins of its Admin and User and ready-to-paste curl commands. Nothing is kept after",
            "exit, ANYCHECK_DB_URL is ignored, and it listens on 127.0.0.1 unless ANYCHECK_HOST is set."})
final class DemoCommand implements Callable<Integer> {

    static final String ADMIN_EMAIL = "admin@demo.example";
    static final String USER_EMAIL = "user@demo.example";
    private static final String LOOPBACK = "127.0.0.1";

    private final Cli cli;

    DemoCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = Settings.fromEnvironment(cli.environment())
                .withDatabaseUrl("jdbc:h2:mem:anycheck-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String configuredHost = cli.environment().get(Variable.HOST.key());
        if (configuredHost == null || configuredHost.isBlank()) {
            // The demo prints working passwords, so it listens on this machine only unless ANYCHECK_HOST is set.
            settings = settings.withHost(LOOPBACK);
        }
        Service service = Service.open(settings, Clock.systemUTC());

        ProvisionedOrganization organization = service.provisionOrganization().provision(
                new ProvisionOrganizationCommand("Demo Organization", "business", ADMIN_EMAIL, "Demo Admin",
                        Optional.empty()));
        CreatedUser user = service.createUser().create(new CreateUserCommand(
                organization.organization().id(), USER_EMAIL, "Demo User", Optional.empty(),
                Map.of(organization.defaultGroup().id(), Role.USER)));

        Javalin app = Server.start(service);
        printWelcome(settings.host(), app.port(), organization.generatedPassword().orElseThrow(),
                user.temporaryPassword().orElseThrow(), organization.firstApiKey().plaintext().reveal());
        Server.awaitShutdown(app, service);
        return 0;
    }

    private void printWelcome(String host, int port, String adminPassword, String userPassword, String apiKey) {
        String base = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port;
        PrintStream out = cli.out();
        out.println();
        out.println("AnyCheck Auth demo is running at " + base);
        out.println("The database is in memory: everything is gone when you stop the demo (Ctrl+C).");
        out.println();
        out.println("  Admin  " + ADMIN_EMAIL + "  password " + adminPassword);
        out.println("  User   " + USER_EMAIL + "   password " + userPassword);
        out.println("  API key (live, group Default)  " + apiKey);
        out.println();
        out.println("Try it in another terminal (curl and sed only):");
        out.println();
        out.println("  # Log in, keeping the two tokens in shell variables");
        out.println("  RESPONSE=$(curl -s -X POST " + base + "/auth/login -H 'Content-Type: application/json' \\");
        out.println("    -d '{\"email\": \"" + USER_EMAIL + "\", \"password\": \"" + userPassword + "\"}')");
        out.println("  echo \"$RESPONSE\"");
        out.println("  ACCESS_TOKEN=$(echo \"$RESPONSE\" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  REFRESH_TOKEN=$(echo \"$RESPONSE\" | sed -E 's/.*\"refresh_token\":\"([^\"]+)\".*/\\1/')");
        out.println();
        out.println("  # Call a protected route with the access token");
        out.println("  curl -s " + base + "/auth/me -H \"Authorization: Bearer $ACCESS_TOKEN\"");
        out.println();
        out.println("  # Exchange the refresh token for new tokens (each refresh token works once)");
        out.println("  curl -s -X POST " + base + "/auth/refresh -H 'Content-Type: application/json' \\");
        out.println("    -d \"{\\\"refresh_token\\\": \\\"$REFRESH_TOKEN\\\"}\"");
        out.println();
        out.println("  # Log out: the session's access and refresh tokens stop working at once");
        out.println("  curl -s -X POST " + base + "/auth/logout -H \"Authorization: Bearer $ACCESS_TOKEN\" -w '%{http_code}\\n'");
        out.println();
        out.println("  # Call as a server with the API key: it acts as a User in its group");
        out.println("  curl -s " + base + "/auth/me -H 'X-API-Key: " + apiKey + "'");
        out.println();
        out.flush();
    }
}
