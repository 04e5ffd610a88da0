package org.autocollections.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: with no subcommand it serves, like {@code serve}. */
@Command(name = "java -jar quarkus-run.jar",
        description = "The auto-loan collections decision service. Without a command it runs the REST service.",
        subcommands = { ServeCommand.class, ImportCommand.class, ScoreCommand.class, GenerateCommand.class,
                TokenCommand.class, UserCommand.class })
public class CollectionsCommand implements Callable<Integer> {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        return ServeCommand.serve();
    }
}
