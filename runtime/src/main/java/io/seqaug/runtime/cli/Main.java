package io.seqaug.runtime.cli;

import io.seqaug.datasets.DatasetException;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.plugins.PluginError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * The {@code seqaug} command line. Exit codes: 0 success, 1 runtime failure, 2 usage or
 * configuration error. Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "seqaug", mixinStandardHelpOptions = true, version = "seqaug 0.1.0",
        description = "Sequential recommendation with pluggable data augmentation.",
        subcommands = {TrainCommand.class, CompareCommand.class, PlanCommand.class, ReportCommand.class, SlurmCommand.class,
            AnalyzeCommand.class, EvaluateCommand.class, RecommendCommand.class, ExportCommand.class, BenchCommand.class,
            PluginsCommand.class, DatasetsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a usage or configuration error. */
    public static final int USAGE_ERROR = 2;
    /** Exit code of a failure while running. */
    public static final int RUNTIME_ERROR = 1;

    @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the CLI and exits the JVM with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the CLI without exiting (for tests).
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean usage = error instanceof ConfigError || error instanceof PluginError;
            String kind = usage ? "configuration error" : error instanceof DatasetException ? "data error" : "error";
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            err.println("seqaug: " + kind + ": " + message.replace('\n', ' '));
            if (main.verbose) {
                error.printStackTrace(err);
            }
            err.flush();
            return usage ? USAGE_ERROR : RUNTIME_ERROR;
        });
        // picocli answers `seqaug exprot --help` with the main help and status 0: a misspelt command is an error
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                if (!cli.getSubcommands().containsKey(arg)) {
                    cli.getErr().println("seqaug: unknown command '" + arg + "'; the commands are "
                            + String.join(", ", cli.getSubcommands().keySet()) + " (seqaug --help)");
                    cli.getErr().flush();
                    return USAGE_ERROR;
                }
                break;
            }
        }
        return cli.execute(args);
    }
}
