package org.autocollections.regression;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Decision;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.Ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides the golden corpus and the scenario sheets' rows with a candidate ruleset and checks each decision against
 * what is expected of it. The decisions are written as JSON exactly as the API answers them, so a pointer means the
 * same here as in a response; none is recorded (a regression run decides nothing about a borrower).
 */
@ApplicationScoped
public class RegressionRunner {

    @Inject
    GoldenCorpus corpus;

    @Inject
    DecisionEngine engine;

    @Inject
    CaseReader reader;

    @Inject
    ObjectMapper json;

    /** A named sheet and its bytes, as uploaded. */
    public record Sheet(String file, byte[] content) {
    }

    /** Reads every sheet first, so that a malformed one is refused before anything is decided. */
    public RegressionReport run(Ruleset candidate, List<Sheet> sheets) {
        long started = System.nanoTime();
        List<RegressionCase> scenarios = new ArrayList<>();
        for (Sheet sheet : sheets) {
            scenarios.addAll(ScenarioSheet.read(sheet.file(), sheet.content(), json, reader));
        }
        List<RegressionReport.Failure> failures = new ArrayList<>();
        int[] corpusCounts = check(corpus.cases(), candidate, failures);
        int[] scenarioCounts = check(scenarios, candidate, failures);
        int passed = corpusCounts[0] + scenarioCounts[0];
        int failed = corpusCounts[1] + scenarioCounts[1];
        return new RegressionReport(candidate.version(), passed + failed, passed, failed,
                new RegressionReport.Tally(corpusCounts[0], corpusCounts[1]),
                new RegressionReport.Tally(scenarioCounts[0], scenarioCounts[1]), failures,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The corpus's compliance expectations ({@link ComplianceExpectations}) run against a version: every failure, none
     * when the version may decide cases in an experiment.
     */
    public List<RegressionReport.Failure> compliance(Ruleset candidate) {
        ComplianceExpectations compliance = ComplianceExpectations.read(json);
        List<RegressionCase> cases = corpus.cases().stream().map(compliance::of)
                .filter(java.util.Objects::nonNull).toList();
        List<RegressionReport.Failure> failures = new ArrayList<>();
        check(cases, candidate, failures);
        return failures;
    }

    /** Passed and failed cases; each failure is added to the list. */
    private int[] check(List<RegressionCase> cases, Ruleset candidate, List<RegressionReport.Failure> failures) {
        int[] counts = new int[2];
        for (RegressionCase c : cases) {
            int before = failures.size();
            check(c, candidate, failures);
            counts[failures.size() == before ? 0 : 1]++;
        }
        return counts;
    }

    private void check(RegressionCase c, Ruleset candidate, List<RegressionReport.Failure> failures) {
        JsonNode decision;
        try {
            Decision decided = engine.decide(reader.read(c.request()), candidate);
            decision = json.valueToTree(decided);
        } catch (InvalidRequestException e) {
            failures.add(new RegressionReport.Failure(c.source(), c.name(), c.row(), null, null, null, null,
                    "the case is invalid: " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // A candidate whose tables conflict fails this case; the others are still run and reported.
            failures.add(new RegressionReport.Failure(c.source(), c.name(), c.row(), null, null, null, null,
                    "no decision: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            return;
        }
        for (Expectation expectation : c.expectations()) {
            expectation.mismatch(decision).ifPresent(m -> failures.add(new RegressionReport.Failure(c.source(), c.name(),
                    c.row(), expectation.pointer(), expectation.expected(), m.actual(), m.message(), null)));
        }
    }
}
