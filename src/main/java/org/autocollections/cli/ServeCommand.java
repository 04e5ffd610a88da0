package org.autocollections.cli;

import java.util.concurrent.Callable;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the REST service until it is stopped (the default when no command is given). */
@Command(name = "serve", description = "Run the REST service (the default).")
public class ServeCommand implements Callable<Integer> {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        return serve();
    }

    static int serve() {
        Quarkus.waitForExit();
        return 0;
    }
}
