package id.anycheck.auth.bootstrap;

import id.anycheck.auth.domain.organization.OrganizationId;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code set-api-key-limit}: the operator sets how many active API keys a contract allows. */
@Command(name = "set-api-key-limit", mixinStandardHelpOptions = true,
        description = {
            "Set an organization's contract limit of active API keys (new organizations have 5).",
            "Lowering it revokes no key; it only stops further issues until keys are revoked or expire."})
final class SetApiKeyLimitCommand implements Callable<Integer> {

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", required = true, paramLabel = "ID", description = "Organization id.")
    String organizationId;

    @Option(names = "--limit", required = true, paramLabel = "N", description = "Active keys allowed, 0 to 1000.")
    int limit;

    SetApiKeyLimitCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        OrganizationId organization = IssueApiKeyCliCommand.parseOrganizationId(spec, organizationId);
        Settings settings = Settings.fromEnvironment(cli.environment());

        try (Service service = Service.open(settings, Clock.systemUTC())) {
            service.setApiKeyLimit().set(organization, limit);
        }

        cli.out().printf("Organization %s may now have %d active API keys.%n", organization, limit);
        return 0;
    }
}
