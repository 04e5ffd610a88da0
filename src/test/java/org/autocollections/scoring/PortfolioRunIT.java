package org.autocollections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.autocollections.JarWorkspace;
import org.autocollections.ServiceProcess;
import org.autocollections.portfolio.Portfolios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged jar's {@code score} command killed mid-run (SIGKILL: no shutdown hook, no last commit) and run
 * again: it resumes after the last committed chunk, and in the end every case has exactly one decision in the run.
 * The killed command is held after five chunks of 100 ({@code collections.bulk.test-hold-after-chunks}), so that the
 * kill lands mid-run, after exactly 500 cases, however fast or slow the machine.
 */
class PortfolioRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 6_000;
    private static final int HELD_AFTER_CHUNKS = 5;
    private static final int CHUNK = 100;

    @RegisterExtension
    final JarWorkspace workspace = new JarWorkspace();

    private Process start(String name, List<String> properties, String... args) throws Exception {
        return ServiceProcess.command(workspace, properties, args)
                .redirectOutput(workspace.dir().resolve(name + ".out").toFile()).redirectError(workspace.dir().resolve(name + ".err").toFile())
                .start();
    }

    private String err(String name) throws Exception {
        return Files.readString(workspace.dir().resolve(name + ".err"));
    }

    private int finish(Process process, String name) throws Exception {
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s ends", name).isTrue();
        return process.exitValue();
    }

    /** Starts the command held after five chunks, and kills it there. */
    private void killMidRun(String runId, String... args) throws Exception {
        String name = runId + "-killed";
        Process first = start(name, List.of("-Dcollections.bulk.test-hold-after-chunks=" + HELD_AFTER_CHUNKS), args);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline && first.isAlive() && !err(name).contains("Chunk pipeline held after")) {
            first.waitFor(100, TimeUnit.MILLISECONDS);
        }
        assertThat(first.isAlive()).as("the run is held, still going, when it is killed:\n%s", err(name)).isTrue();
        assertThat(err(name)).contains("Chunk pipeline held after " + HELD_AFTER_CHUNKS + " chunks");
        first.destroyForcibly();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStoredRunKilledMidwayResumesWithNoDuplicatesAndNoGaps() throws Exception {
        Portfolios.jsonLines(workspace.dir().resolve("portfolio.jsonl"), "K-", CASES);
        Process load = start("import", List.of(), "import", "--file", "portfolio.jsonl", "--no-progress");
        assertThat(finish(load, "import")).as(err("import")).isZero();

        killMidRun("nightly", "score", "--run", "nightly", "--chunk", String.valueOf(CHUNK), "--no-progress");
        long committed = HELD_AFTER_CHUNKS * CHUNK;
        assertThat(workspace.database().count("select count(*) from portfolio_decision where run_id = 'nightly'"))
                .as("committed when killed").isEqualTo(committed);

        Process again = start("resumed", List.of(), "score", "--run", "nightly", "--no-progress");
        assertThat(finish(again, "resumed")).as(err("resumed")).isZero();
        assertThat(err("resumed")).contains("resuming after " + committed + " cases");
        JsonNode result = JSON.readTree(workspace.dir().resolve("resumed.out").toFile());
        assertThat(result.at("/run/status").asText()).isEqualTo("COMPLETED");
        assertThat(result.at("/run/decided").asLong()).isEqualTo(CASES);
        assertThat(result.at("/summary/decided").asLong()).isEqualTo(CASES);

        assertThat(workspace.database().count("select count(*) from portfolio_decision where run_id = 'nightly'")).isEqualTo(CASES);
        assertThat(workspace.database().count("select count(distinct case_id) from portfolio_decision where run_id = 'nightly'")).isEqualTo(CASES);
        assertThat(workspace.database().count("select count(*) from decision_record where run_id = 'nightly'"))
                .as("one decision record per case: none lost, none twice").isEqualTo(CASES);
        assertThat(workspace.database().count("select count(distinct case_id) from decision_record where run_id = 'nightly'")).isEqualTo(CASES);
    }

    @Test
    void aFileRunKilledMidwayResumesAndWritesEachLineOnce() throws Exception {
        Path input = Portfolios.jsonLines(workspace.dir().resolve("portfolio.jsonl"), "F-", CASES);
        killMidRun("file", "score", "--run", "file", "--in", "portfolio.jsonl", "--out", "decisions.jsonl", "--chunk",
                String.valueOf(CHUNK), "--no-progress");
        assertThat(Files.readAllLines(workspace.dir().resolve("decisions.jsonl"))).as("written when killed")
                .hasSize(HELD_AFTER_CHUNKS * CHUNK);

        Process again = start("resumed", List.of(), "score", "--run", "file", "--in", "portfolio.jsonl",
                "--out", "decisions.jsonl", "--no-progress");
        assertThat(finish(again, "resumed")).as(err("resumed")).isZero();
        assertThat(err("resumed")).contains("resuming after " + HELD_AFTER_CHUNKS * CHUNK + " cases");

        List<String> expected = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            in.lines().forEach(line -> expected.add(readId(line)));
        }
        List<String> written = new ArrayList<>();
        try (BufferedReader out = Files.newBufferedReader(workspace.dir().resolve("decisions.jsonl"), StandardCharsets.UTF_8)) {
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
