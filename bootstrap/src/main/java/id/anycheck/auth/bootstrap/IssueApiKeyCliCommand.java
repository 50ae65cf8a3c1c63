package id.anycheck.auth.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.apikey.IssueApiKeyCommand;
import id.anycheck.auth.application.apikey.IssuedApiKey;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code issue-api-key}: the operator issues a further API key under an organization's contract. */
@Command(name = "issue-api-key", mixinStandardHelpOptions = true,
        description = {
            "Issue an API key bound to a group of an organization, and print it once.",
            "Keys beyond the organization's contract limit of active keys are rejected."})
final class IssueApiKeyCliCommand implements Callable<Integer> {

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", required = true, paramLabel = "ID", description = "Organization id.")
    String organizationId;

    @Option(names = "--group", required = true, paramLabel = "ID", description = "Id of the group the key acts in.")
    String groupId;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Name that tells the key apart, such as the server using it.")
    String name;

    @Option(names = "--environment", required = true, paramLabel = "ENV", description = "live or test.")
    String environment;

    @Option(names = "--expires-in-days", paramLabel = "N", description = "Lifetime in days, 1 to 90 (default 90).")
    Integer expiresInDays;

    @Option(names = "--json", description = "Print exactly one JSON object on standard output.")
    boolean json;

    IssueApiKeyCliCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        OrganizationId organization = parseOrganizationId(spec, organizationId);
        var command = new IssueApiKeyCommand(organization, groupId, name, environment,
                Optional.ofNullable(expiresInDays));
        command.requireValid();
        Settings settings = Settings.fromEnvironment(cli.environment());

        IssuedApiKey issued;
        try (Service service = Service.open(settings, Clock.systemUTC())) {
            issued = service.issueApiKey().issue(command, Caller.operator());
        }

        if (json) {
            cli.out().println(new ObjectMapper().writeValueAsString(jsonOutput(issued)));
        } else {
            ApiKey key = issued.key();
            cli.out().printf("Issued API key \"%s\" (%s) in group %s, expiring %s.%n", key.name(),
                    key.environment().externalName(), key.groupId(), wholeSeconds(key.expiresAt()));
            cli.out().printf("  id   %s%n  key  %s%n", key.id(), issued.plaintext().reveal());
            cli.out().println("  The key is shown only once: hand it over securely now.");
        }
        return 0;
    }

    static OrganizationId parseOrganizationId(CommandSpec spec, String text) {
        try {
            return OrganizationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--org: must be an organization id (a UUID)");
        }
    }

    /** Formats a time as the HTTP API does: ISO-8601 UTC with whole seconds. */
    private static String wholeSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The key as {@code POST /api-keys} returns it, with the fields scripts need. */
    static Map<String, Object> jsonOutput(IssuedApiKey issued) {
        ApiKey key = issued.key();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("id", key.id().toString());
        output.put("key", issued.plaintext().reveal());
        output.put("prefix", key.prefix());
        output.put("name", key.name());
        output.put("group_id", key.groupId().toString());
        output.put("environment", key.environment().externalName());
        output.put("expires_at", wholeSeconds(key.expiresAt()));
        return output;
    }
}
