package org.autocollections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.autocollections.bulk.Shard;
import org.autocollections.portfolio.Portfolios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** A file of cases scored into a file of decisions: one output line per input line, problems in their place. */
@QuarkusTest
class FileRunTest {

    private static final Instant AS_OF = Instant.parse("2026-11-29T02:00:00Z");

    @Inject
    PortfolioScorer scorer;

    @Inject
    ObjectMapper json;

    private PortfolioRun score(Path in, Path out) {
        RunSpec spec = new RunSpec(null, in, null, out, null, Shard.WHOLE, AS_OF, 7, 2, false);
        return scorer.score(scorer.claim(spec), spec, new RunProgress());
    }

    /** 20 valid cases, then an unreadable line and a case with a negative balance, then 5 more. */
    private static Path portfolio(Path dir) throws Exception {
        Path valid = Portfolios.jsonLines(dir.resolve("valid.jsonl"), "FILE-", 25);
        List<String> lines = new ArrayList<>(Files.readAllLines(valid));
        lines.add(20, "{\"caseId\": \"BROKEN\", ");
        lines.add(21, lines.get(0).replace("\"FILE-0\"", "\"NEGATIVE\"").replace("\"outstandingBalance\":60000.00",
                "\"outstandingBalance\":-1"));
        Path in = dir.resolve("portfolio.jsonl");
        Files.write(in, lines);
        return in;
    }

    @Test
    void jsonLinesOutHasADecisionOrAProblemForEachInputLineInOrder(@TempDir Path dir) throws Exception {
        Path in = portfolio(dir);
        PortfolioRun run = score(in, dir.resolve("decisions.jsonl"));
        assertThat(run.status).isEqualTo(PortfolioRun.Status.COMPLETED);

        List<String> out = Files.readAllLines(dir.resolve("decisions.jsonl"));
        assertThat(out).hasSize(27);
        JsonNode first = json.readTree(out.get(0));
        assertThat(first.get("caseId").asText()).isEqualTo("FILE-0");
        assertThat(first.get("rulesetVersion").asText()).isEqualTo(run.rulesetVersion);
        assertThat(first.get("asOf").asText()).isEqualTo("2026-11-29T02:00:00Z");
        assertThat(first.get("reasons")).isNotEmpty();

        JsonNode broken = json.readTree(out.get(20));
        assertThat(broken.get("line").asInt()).isEqualTo(21);
        assertThat(broken.at("/problem/status").asInt()).isEqualTo(400);
        JsonNode negative = json.readTree(out.get(21));
        assertThat(negative.get("caseId").asText()).isEqualTo("NEGATIVE");
        assertThat(negative.at("/problem/errors/0/field").asText()).isEqualTo("loan.outstandingBalance");
        assertThat(json.readTree(out.get(26)).get("caseId").asText()).isEqualTo("FILE-24");

        RunSummary summary = new ObjectMapper().findAndRegisterModules().readValue(run.summary, RunSummary.class);
        assertThat(summary.decided()).isEqualTo(25);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.rollRates()).as("roll rates compare stored runs only").isNull();
    }

    @Test
    void byDefaultEachDecisionIsCompactAndStillNamesTheRuleAndRowBehindEachConclusion(@TempDir Path dir) throws Exception {
        Path in = portfolio(dir);
        RunSpec spec = new RunSpec(null, in, null, dir.resolve("lean.jsonl"), null, Shard.WHOLE, AS_OF, 50, 2, false);
        scorer.score(scorer.claim(spec), spec, new RunProgress());
        JsonNode lean = json.readTree(Files.readAllLines(dir.resolve("lean.jsonl")).get(0));
        assertThat(lean.has("rulesFired")).isFalse();
        assertThat(lean.get("reasons").isObject()).as("reasons by area").isTrue();
        assertThat(lean.get("reasons")).isNotEmpty().allSatisfy(area -> assertThat(area).isNotEmpty().allSatisfy(reason -> {
            assertThat(reason.get("rule").asText()).isNotBlank();
            assertThat(reason.get("source").asText()).matches("(rules|decision-tables)/.+#.+");
        }));
    }

    @Test
    void askedForTheFullTraceEachDecisionListsEveryRuleFiredAndWordsItsReasons(@TempDir Path dir) throws Exception {
        Path in = portfolio(dir);
        RunSpec spec = new RunSpec(null, in, null, dir.resolve("full.jsonl"), null, Shard.WHOLE, AS_OF, 50, 2, false, true);
        scorer.score(scorer.claim(spec), spec, new RunProgress());
        JsonNode full = json.readTree(Files.readAllLines(dir.resolve("full.jsonl")).get(0));
        assertThat(full.get("rulesFired")).isNotEmpty();
        assertThat(full.get("reasons")).isNotEmpty().allSatisfy(reason -> assertThat(reason.get("message").asText()).isNotBlank());
    }

    @Test
    void csvOutHasAHeaderAndARowPerInputLine(@TempDir Path dir) throws Exception {
        Path in = portfolio(dir);
        score(in, dir.resolve("decisions.csv"));
        List<String> out = Files.readAllLines(dir.resolve("decisions.csv"));
        assertThat(out).hasSize(28);
        assertThat(out.get(0)).startsWith("caseId,line,decisionId,rulesetVersion,asOf,daysPastDue,bucket");
        assertThat(out.get(1)).startsWith("FILE-0,1,");
        assertThat(out.get(1)).contains(",M2,"); // the example case: 45 days past due
        assertThat(out.get(22)).startsWith("NEGATIVE,22,").contains("loan.outstandingBalance");
    }

    @Test
    void aFileRunThatWasCompletedIsNotScoredAgain(@TempDir Path dir) throws Exception {
        Path in = portfolio(dir);
        Path out = dir.resolve("decisions.jsonl");
        RunSpec spec = new RunSpec("file-once-" + System.nanoTime(), in, null, out, null, Shard.WHOLE, AS_OF, 10, 1, false);
        scorer.score(scorer.claim(spec), spec, new RunProgress());
        byte[] first = Files.readAllBytes(out);
        RunStore.Claim again = scorer.claim(spec);
        assertThat(again.alreadyComplete()).isTrue();
        scorer.score(again, spec, new RunProgress());
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
    }
}
