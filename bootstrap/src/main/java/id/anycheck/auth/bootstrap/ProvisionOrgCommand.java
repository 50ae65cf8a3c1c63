package id.anycheck.auth.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.anycheck.auth.application.ProvisionOrganizationCommand;
import id.anycheck.auth.application.ProvisionedOrganization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code provision-org}: the operator's step after a signed contract. */
@Command(name = "provision-org", mixinStandardHelpOptions = true,
        description = {
            "Create an organization with its plan, a default group, its Admin and a live API key.",
            "Each secret is printed once.",
            "The Admin's password is generated unless --admin-password-stdin is given."})
final class ProvisionOrgCommand implements Callable<Integer> {

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Organization name.")
    String name;

    @Option(names = "--plan", required = true, paramLabel = "PLAN",
            description = "Contract plan: starter, business or enterprise.")
    String plan;

    @Option(names = "--admin-email", required = true, paramLabel = "EMAIL", description = "The Admin's email.")
    String adminEmail;

    @Option(names = "--admin-name", required = true, paramLabel = "NAME", description = "The Admin's full name.")
    String adminName;

    @Option(names = "--admin-password-stdin",
            description = "Read the Admin's password from the first line of standard input.")
    boolean adminPasswordFromStdin;

    @Option(names = "--json", description = "Print exactly one JSON object on standard output.")
    boolean json;

    ProvisionOrgCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        Optional<String> password = adminPasswordFromStdin ? Optional.of(readPassword()) : Optional.empty();
        var command = new ProvisionOrganizationCommand(name, plan, adminEmail, adminName, password);
        command.requireValid();
        Settings settings = Settings.fromEnvironment(cli.environment());

        ProvisionedOrganization provisioned;
        try (Service service = Service.open(settings, Clock.systemUTC())) {
            provisioned = service.provisionOrganization().provision(command);
        }

        if (json) {
            cli.out().println(new ObjectMapper().writeValueAsString(jsonOutput(provisioned)));
        } else {
            printText(provisioned);
        }
        return 0;
    }

    private String readPassword() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || line.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--admin-password-stdin: no password on standard input; pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | ...");
        }
        return line;
    }

    private static Map<String, Object> jsonOutput(ProvisionedOrganization provisioned) {
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("id", provisioned.admin().id().toString());
        admin.put("email", provisioned.admin().email().value());
        admin.put("password", provisioned.generatedPassword().orElse(null));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("organization_id", provisioned.organization().id().toString());
        output.put("group_id", provisioned.defaultGroup().id().toString());
        output.put("admin", admin);
        Map<String, Object> apiKey = new LinkedHashMap<>();
        apiKey.put("id", provisioned.firstApiKey().key().id().toString());
        apiKey.put("key", provisioned.firstApiKey().plaintext().reveal());
        output.put("api_key", apiKey);
        return output;
    }

    private void printText(ProvisionedOrganization provisioned) {
        var out = cli.out();
        out.printf("Provisioned organization \"%s\" on plan %s.%n", provisioned.organization().name(),
                provisioned.organization().plan().externalName());
        out.printf("  organization_id  %s%n", provisioned.organization().id());
        out.printf("  group_id         %s (%s)%n", provisioned.defaultGroup().id(), provisioned.defaultGroup().name());
        out.printf("  admin            %s (id %s)%n", provisioned.admin().email(), provisioned.admin().id());
        provisioned.generatedPassword().ifPresent(generated ->
                out.printf("  admin password   %s%n", generated));
        out.printf("  api key id       %s%n", provisioned.firstApiKey().key().id());
        out.printf("  api key          %s (live)%n", provisioned.firstApiKey().plaintext().reveal());
        out.println("  Secrets are shown only once: hand them over securely now.");
    }
}
