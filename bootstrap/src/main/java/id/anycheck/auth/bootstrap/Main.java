package id.anycheck.auth.bootstrap;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of the runnable jar: parses the command line and runs one command. */
@Command(
        name = "anycheck-auth",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Authentication and access layer of the AnyCheck identity-verification API.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nEnvironment variables (all optional for local use):%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure, such as an unreachable database", "2:invalid arguments or configuration"})
public final class Main implements Runnable {

    private static final int HELP_WIDTH = 90;

    private final Cli cli;

    Main(Cli cli) {
        this.cli = cli;
    }

    public static void main(String[] args) {
        int exitCode = run(new Cli(System.getenv(), System.in, System.out, System.err), args);
        System.exit(exitCode);
    }

    /** Runs one command line and returns its exit code; blocks while a server command runs. */
    static int run(Cli cli, String... args) {
        CommandLine commandLine = new CommandLine(new Main(cli))
                .addSubcommand("serve", new ServeCommand(cli))
                .addSubcommand("demo", new DemoCommand(cli))
                .addSubcommand("migrate", new MigrateCommand(cli))
                .addSubcommand("provision-org", new ProvisionOrgCommand(cli))
                .addSubcommand("issue-api-key", new IssueApiKeyCliCommand(cli))
                .addSubcommand("set-api-key-limit", new SetApiKeyLimitCommand(cli))
                .addSubcommand("set-plan", new SetPlanCommand(cli))
                .setOut(cli.outWriter())
                .setErr(cli.errWriter())
                .setUsageHelpWidth(HELP_WIDTH)
                .setExecutionExceptionHandler((exception, line, parseResult) -> failure(cli, exception));
        commandLine.getCommandSpec().usageMessage().footer(variablesTable());
        return commandLine.execute(args);
    }

    @Spec
    CommandSpec spec;

    /** Runs when no command is given: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of serve, demo, migrate,"
                + " provision-org, issue-api-key, set-api-key-limit, set-plan");
    }

    private static int failure(Cli cli, Exception exception) {
        if (exception instanceof ConfigurationException) {
            cli.err().println("Configuration error: " + exception.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (exception instanceof InvalidInputException invalid) {
            cli.err().println("Invalid arguments: " + invalid.problems().stream()
                    .map(Main::describe)
                    .collect(Collectors.joining("; ")));
            return CommandLine.ExitCode.USAGE;
        }
        if (exception instanceof ConflictException || exception instanceof NotFoundException) {
            cli.err().println("Failed: " + exception.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        cli.err().println("Failed: " + FailureMessages.describe(exception));
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static String describe(FieldProblem problem) {
        String option = switch (problem.field()) {
            case "admin_password" -> "--admin-password-stdin";
            case "group_id" -> "--group";
            default -> "--" + problem.field().replace('_', '-');
        };
        return option + ": " + problem.problem();
    }

    private static String variablesTable() {
        StringBuilder table = new StringBuilder();
        for (Variable variable : Variable.values()) {
            String shownDefault = variable.defaultValue().isEmpty() ? "(empty)" : variable.defaultValue();
            String line = String.format("  %-34s default %s", variable.key(), shownDefault);
            if (line.length() > HELP_WIDTH) {
                // picocli would wrap the line inside the value, so a long default gets a line of its own.
                line = "  " + variable.key() + System.lineSeparator() + "      default " + shownDefault;
            }
            table.append(line).append(System.lineSeparator());
            appendWrapped(table, variable.description(), "      ", HELP_WIDTH);
        }
        return table.toString();
    }

    private static void appendWrapped(StringBuilder out, String text, String indent, int width) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line).append(System.lineSeparator());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append(System.lineSeparator());
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {

        static String current() {
            String version = Main.class.getPackage().getImplementationVersion();
            return version != null ? version : "development";
        }

        @Override
        public String[] getVersion() {
            return new String[] {"anycheck-auth " + current()};
        }
    }
}
