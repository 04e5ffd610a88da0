package org.autocollections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.autocollections.portfolio.Portfolios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged jar's {@code score} command killed mid-run (SIGKILL: no shutdown hook, no last commit) and run
 * again: it resumes after the last committed chunk, and in the end every case has exactly one decision in the run.
 */
class PortfolioRunIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 6_000;

    private static List<String> command(String database, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.datasource.jdbc.url=" + database, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(Path workDir, String database, String name, String... args) throws Exception {
        return new ProcessBuilder(command(database, args)).directory(workDir.toFile())
                .redirectOutput(workDir.resolve(name + ".out").toFile()).redirectError(workDir.resolve(name + ".err").toFile())
                .start();
    }

    private static int finish(Process process, Path workDir, String name) throws Exception {
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s ends", name).isTrue();
        return process.exitValue();
    }

    private static String database(Path workDir) {
        // As the embedded default: WRITE_DELAY=0, so a commit is in the file before the process can be killed.
        return "jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** Cases committed so far in the run, or -1 while it has not begun. */
    private static long done(String database, String runId) {
        try (Connection c = DriverManager.getConnection(database, "sa", ""); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select scored + failed from portfolio_run_shard where run_id = '" + runId + "'")) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // not created yet
        }
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database, "sa", ""); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Starts the command and kills it once some chunks, but not all, are committed. */
    private static long killMidRun(Path workDir, String database, String runId, String... args) throws Exception {
        Process first = start(workDir, database, runId + "-killed", args);
        Path err = workDir.resolve(runId + "-killed.err");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long done = -1;
        while (System.nanoTime() < deadline && first.isAlive()) {
            // Only once the command holds the database (it says so), so that it, not this test, serves the file.
            if (Files.readString(err).contains("score: run " + runId)) {
                done = done(database, runId);
                if (done >= 500) {
                    break;
                }
            }
            Thread.onSpinWait();
            first.waitFor(50, TimeUnit.MILLISECONDS);
        }
        assertThat(first.isAlive()).as("the run is still going when it is killed:\n%s", Files.readString(err)).isTrue();
        first.destroyForcibly();
        first.waitFor(60, TimeUnit.SECONDS);
        long committed = done(database, runId);
        assertThat(committed).as("killed mid-run").isBetween(1L, (long) CASES - 1);
        return committed;
    }

    @Test
    void aStoredRunKilledMidwayResumesWithNoDuplicatesAndNoGaps(@TempDir Path workDir) throws Exception {
        String database = database(workDir);
        Portfolios.jsonLines(workDir.resolve("portfolio.jsonl"), "K-", CASES);
        Process load = start(workDir, database, "import", "import", "--file", "portfolio.jsonl", "--no-progress");
        assertThat(finish(load, workDir, "import")).as(Files.readString(workDir.resolve("import.err"))).isZero();

        long committed = killMidRun(workDir, database, "nightly", "score", "--run", "nightly", "--chunk", "100",
                "--threads", "1", "--no-progress");

        Process again = start(workDir, database, "resumed", "score", "--run", "nightly", "--no-progress");
        assertThat(finish(again, workDir, "resumed")).as(Files.readString(workDir.resolve("resumed.err"))).isZero();
        assertThat(Files.readString(workDir.resolve("resumed.err"))).contains("resuming after " + committed + " cases");
        JsonNode result = JSON.readTree(workDir.resolve("resumed.out").toFile());
        assertThat(result.at("/run/status").asText()).isEqualTo("COMPLETED");
        assertThat(result.at("/run/decided").asLong()).isEqualTo(CASES);
        assertThat(result.at("/summary/decided").asLong()).isEqualTo(CASES);

        assertThat(count(database, "select count(*) from portfolio_decision where run_id = 'nightly'")).isEqualTo(CASES);
        assertThat(count(database, "select count(distinct case_id) from portfolio_decision where run_id = 'nightly'")).isEqualTo(CASES);
        assertThat(count(database, "select count(*) from decision_record where run_id = 'nightly'"))
                .as("one decision record per case: none lost, none twice").isEqualTo(CASES);
        assertThat(count(database, "select count(distinct case_id) from decision_record where run_id = 'nightly'")).isEqualTo(CASES);
    }

    @Test
    void aFileRunKilledMidwayResumesAndWritesEachLineOnce(@TempDir Path workDir) throws Exception {
        String database = database(workDir);
        Path input = Portfolios.jsonLines(workDir.resolve("portfolio.jsonl"), "F-", CASES);
        killMidRun(workDir, database, "file", "score", "--run", "file", "--in", "portfolio.jsonl", "--out",
                "decisions.jsonl", "--chunk", "100", "--threads", "1", "--no-progress");

        Process again = start(workDir, database, "resumed", "score", "--run", "file", "--in", "portfolio.jsonl",
                "--out", "decisions.jsonl", "--no-progress");
        assertThat(finish(again, workDir, "resumed")).as(Files.readString(workDir.resolve("resumed.err"))).isZero();

        List<String> expected = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            in.lines().forEach(line -> expected.add(readId(line)));
        }
        List<String> written = new ArrayList<>();
        try (BufferedReader out = Files.newBufferedReader(workDir.resolve("decisions.jsonl"), StandardCharsets.UTF_8)) {
            out.lines().forEach(line -> {
                JsonNode decision = readTree(line);
                assertThat(decision.has("rulesetVersion")).as(line).isTrue();
                written.add(decision.get("caseId").asText());
            });
        }
        assertThat(written).as("one decision per input line, in input order").isEqualTo(expected);
    }

    private static String readId(String line) {
        return readTree(line).get("caseId").asText();
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
