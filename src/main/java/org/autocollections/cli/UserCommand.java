package org.autocollections.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.autocollections.signin.Accounts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code user}: the accounts that sign in to the analyst's page on the embedded default. None is built in; an
 * operator makes them here, against the same database the service uses. A password is never an argument (it would
 * stay in the shell's history and the process list): it is asked for on the console, or read from stdin.
 */
@Command(name = "user", description = "Manage the accounts that sign in to the analyst's page.",
        subcommands = { UserCommand.Add.class, UserCommand.Disable.class, UserCommand.ListUsers.class })
public class UserCommand implements Callable<Integer> {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ImportCommand.FATAL;
    }

    @Command(name = "add", sortOptions = false,
            description = { "Make an account, or give an existing one new roles and a new password (and enable it).",
                    "The password is asked for twice on the console; without a console, the first line of stdin is it." })
    static class Add implements Callable<Integer> {

        @Option(names = "--subject", required = true, paramLabel = "NAME", description = "The name to sign in with.")
        String subject;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "A role to grant; repeat for several: servicer, analyst, approver, auditor, batch, developer.")
        List<String> roles;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Spec
        CommandSpec spec;

        @Inject
        Accounts accounts;

        /** Where the password comes from without a console; a test gives its own. */
        InputStream stdin = System.in;
        Console console = System.console();

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String password = password(err);
            if (password == null) {
                err.println("user add: no password given (type it at the prompt, or pipe it on stdin)");
                err.flush();
                return ImportCommand.FATAL;
            }
            try {
                boolean made = accounts.add(subject, roles, password);
                spec.commandLine().getOut().println((made ? "made " : "updated ") + subject + " with "
                        + String.join(", ", roles));
                spec.commandLine().getOut().flush();
                return ImportCommand.OK;
            } catch (IllegalArgumentException e) {
                err.println("user add: " + e.getMessage());
                err.flush();
                return ImportCommand.FATAL;
            }
        }

        private String password(PrintWriter err) throws IOException {
            if (console != null) {
                char[] first = console.readPassword("Password for %s: ", subject);
                char[] again = console.readPassword("The same again: ");
                if (first == null || again == null) {
                    return null;
                }
                if (!Arrays.equals(first, again)) {
                    err.println("user add: the two passwords differ");
                    return null;
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line == null || line.isEmpty() ? null : line;
        }
    }

    @Command(name = "disable", description = "Disable an account: it signs in no more, and its open sessions end at once.")
    static class Disable implements Callable<Integer> {

        @Option(names = "--subject", required = true, paramLabel = "NAME", description = "The account to disable.")
        String subject;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Spec
        CommandSpec spec;

        @Inject
        Accounts accounts;

        @Override
        public Integer call() {
            if (!accounts.disable(subject)) {
                spec.commandLine().getErr().println("user disable: no account " + subject);
                spec.commandLine().getErr().flush();
                return ImportCommand.FATAL;
            }
            spec.commandLine().getOut().println("disabled " + subject);
            spec.commandLine().getOut().flush();
            return ImportCommand.OK;
        }
    }

    @Command(name = "list", description = "List the accounts: subject, roles, enabled or disabled, when made.")
    static class ListUsers implements Callable<Integer> {

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Spec
        CommandSpec spec;

        @Inject
        Accounts accounts;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Accounts.Summary a : accounts.list()) {
                out.printf("%-24s %-9s %-40s %s%n", a.subject(), a.disabled() ? "disabled" : "enabled",
                        String.join(",", a.roles()), a.createdAt());
            }
            out.flush();
            return ImportCommand.OK;
        }
    }
}
