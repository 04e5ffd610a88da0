package org.autocollections.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import org.autocollections.DatabaseFree;

/** {@code generate}, run as the jar runs it: through Main's command line, on a fixed clock. */
@DatabaseFree
class GenerateCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof GenerateCommand generate) {
                    generate.clock = CLOCK;
                }
                return made;
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void writesOneLineACaseToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("portfolio.jsonl");
        Run run = run("generate", "--cases", "250", "--out", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(250);
        assertThat(lines.get(0)).startsWith("{\"caseId\":\"SYN-0000001\"");
        assertThat(run.err()).contains("generate: 250 cases as of 2026-11-29 to " + file);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void followUpWritesTheWeeksAfterTheDecisionAsLogEntries(@TempDir Path dir) throws Exception {
        Path followUp = dir.resolve("follow-up.jsonl");
        Run run = run("generate", "--cases", "200", "--out", dir.resolve("p.jsonl").toString(), "--follow-up",
                followUp.toString(), "--follow-up-days", "30", "--follow-up-strategy", "SMS_FIRST");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(followUp);
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches("\\{\"caseId\":\"SYN-\\d{7}\",\"log\":\"(contacts|promises|payments)\",\"entry\":\\{.*}}"));
        assertThat(lines).anyMatch(l -> l.contains("\"log\":\"payments\",\"entry\":{\"paymentId\":"));
        assertThat(lines).anyMatch(l -> l.contains("\"channel\":\"SMS\""));
        Path again = dir.resolve("again.jsonl");
        run("generate", "--cases", "200", "--out", dir.resolve("q.jsonl").toString(), "--follow-up", again.toString(),
                "--follow-up-days", "30", "--follow-up-strategy", "SMS_FIRST");
        assertThat(Files.readAllLines(again)).as("the same seed gives the same weeks").isEqualTo(lines);
    }

    @Test
    void csvByItsExtensionWithAHeaderRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("portfolio.csv");
        assertThat(run("generate", "-n", "40", "-o", file.toString()).exit()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).startsWith("caseId,jurisdiction,");
        assertThat(lines.get(1)).startsWith("SYN-0000001,");
    }

    @Test
    void theDefaultDateIsTodayOnTheClockAndTheDefaultSeedIsFixed(@TempDir Path dir) throws Exception {
        Path implicit = dir.resolve("a.jsonl");
        Path explicit = dir.resolve("b.jsonl");
        run("generate", "--cases", "100", "--with-history", "--out", implicit.toString());
        run("generate", "--cases", "100", "--with-history", "--out", explicit.toString(), "--as-of", "2026-11-29",
                "--seed", "20261101");
        assertThat(Files.readString(implicit)).isEqualTo(Files.readString(explicit));
    }

    @Test
    void aDashWritesToStdout() {
        Run run = run("generate", "--cases", "30", "--out", "-", "--format", "csv");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().split("\n")).hasSize(31);
    }

    @Test
    void whatCannotBeWrittenIsRefusedWithExitCodeOne(@TempDir Path dir) {
        Run history = run("generate", "--cases", "3", "--with-history", "--out", dir.resolve("p.csv").toString());
        assertThat(history.exit()).isEqualTo(1);
        assertThat(history.err()).contains("--with-history needs JSON Lines");
        assertThat(run("generate", "--cases", "3", "--out", dir.resolve("p.txt").toString()).err())
                .contains("add --format jsonl or --format csv");
        assertThat(run("generate", "--out", "x.jsonl").exit()).isEqualTo(1); // --cases is required
        assertThat(Files.exists(dir.resolve("p.csv"))).isFalse();
    }

    @Test
    void theTopCommandListsIt() {
        assertThat(run("--help").out()).contains("generate");
    }
}
