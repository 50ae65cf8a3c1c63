package id.anycheck.auth.bootstrap;

import id.anycheck.auth.domain.organization.OrganizationId;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code set-plan}: the operator moves an organization to another plan. */
@Command(name = "set-plan", mixinStandardHelpOptions = true,
        description = {
            "Move an organization to another plan: starter, business or enterprise.",
            "Running servers apply the new rate limit within ANYCHECK_RATE_LIMIT_CACHE_SECONDS."})
final class SetPlanCommand implements Callable<Integer> {

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", required = true, paramLabel = "ID", description = "Organization id.")
    String organizationId;

    @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "starter, business or enterprise.")
    String plan;

    SetPlanCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        OrganizationId organization = IssueApiKeyCliCommand.parseOrganizationId(spec, organizationId);
        Settings settings = Settings.fromEnvironment(cli.environment());

        try (Service service = Service.open(settings, Clock.systemUTC())) {
            service.changePlan().change(organization, plan);
        }

        cli.out().printf("Organization %s is now on plan %s.%n", organization, plan.strip().toLowerCase(Locale.ROOT));
        return 0;
    }
}
