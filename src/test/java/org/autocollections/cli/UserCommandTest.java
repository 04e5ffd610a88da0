package org.autocollections.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.autocollections.signin.Accounts;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

/** An operator makes, lists and disables the accounts of the analyst's page; a password is never an argument. */
@QuarkusTest
class UserCommandTest {

    @Inject
    Accounts accounts;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        CommandLine cli = Main.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof UserCommand.Add add) {
                    add.accounts = accounts;
                    add.console = null;
                    add.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
                } else if (made instanceof UserCommand.Disable disable) {
                    disable.accounts = accounts;
                } else if (made instanceof UserCommand.ListUsers list) {
                    list.accounts = accounts;
                }
                return made;
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void anOperatorMakesListsAndDisablesAnAccount() {
        Run add = run("a long enough secret\n", "user", "add", "--role", "analyst", "--role", "approver", "--subject", "cli-ana");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("made cli-ana");
        assertThat(run("", "user", "list").out()).containsPattern("cli-ana\\s+enabled\\s+analyst,approver");

        assertThat(run("", "user", "disable", "--subject", "cli-ana").exit()).isZero();
        assertThat(run("", "user", "list").out()).containsPattern("cli-ana\\s+disabled");
        assertThat(run("", "user", "list").out()).doesNotContain("a long enough secret").doesNotContain("$2");
    }

    @Test
    void aPasswordIsNeverAnArgumentAndAShortOneIsRefused() {
        Run asArgument = run("", "user", "add", "--role", "analyst", "--subject", "cli-bob", "--password", "a long enough secret");
        assertThat(asArgument.exit()).isEqualTo(1);
        assertThat(asArgument.err()).contains("--password");
        Run shortOne = run("short\n", "user", "add", "--role", "analyst", "--subject", "cli-bob");
        assertThat(shortOne.exit()).isEqualTo(1);
        assertThat(shortOne.err()).contains("at least 12 characters");
        Run badRole = run("a long enough secret\n", "user", "add", "--role", "root", "--subject", "cli-bob");
        assertThat(badRole.err()).contains("unknown role root");
        assertThat(run("", "user", "list").out()).doesNotContain("cli-bob");
        assertThat(run("", "user", "disable", "--subject", "no-such-one").exit()).isEqualTo(1);
    }
}
