package org.autocollections.cli;

import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * The entry point of {@code java -jar quarkus-run.jar}. With no arguments, or {@code serve}, it runs the REST
 * service as it always has. Any other command ({@code import}, {@code --help}) runs with the HTTP listener off, so
 * it needs no port and works beside a running service, and with the log on stderr, so that stdout carries only the
 * command's own output. {@code generate} needs nothing of the application and runs without starting it.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    private static final Set<String> SERVE = Set.of("serve");
    /** Commands that need neither the database nor the ruleset: they run without starting the application. */
    private static final Set<String> STANDALONE = Set.of("generate", "token");

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        if (args.length > 0 && STANDALONE.contains(args[0])) {
            System.exit(commandLine(CommandLine.defaultFactory()).execute(args));
        }
        LocalSigningKey.prepare();
        if (args.length > 0 && !SERVE.contains(args[0])) {
            // Runtime configuration, read when Quarkus starts below: set here, before it starts.
            setUnlessGiven("quarkus.http.host-enabled", "false");
            setUnlessGiven("quarkus.log.console.stderr", "true");
            setUnlessGiven("quarkus.scheduler.enabled", "false");
        }
        Quarkus.run(Main.class, args);
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    @Override
    public int run(String... args) {
        return commandLine(factory).execute(args);
    }

    private static void exitCodes(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(ImportCommand.FATAL).exitCodeOnExecutionException(ImportCommand.FATAL);
        cli.getSubcommands().values().forEach(Main::exitCodes);
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(CollectionsCommand.class, factory);
        // 2 means "some lines failed" for import, so a command line that cannot be understood is 1, like any fatal error.
        exitCodes(cli);
        return cli;
    }
}
