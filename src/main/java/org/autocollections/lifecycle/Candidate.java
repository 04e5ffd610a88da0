package org.autocollections.lifecycle;

import java.util.List;

import org.autocollections.api.RulesetProblem;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.validation.Finding;

/**
 * A draft's files as checked: their version, what validation found, the compiled ruleset (none when they do not
 * compile) and what they change against the base version.
 */
record Candidate(String version, String digest, String baseVersion, List<Finding> findings, Ruleset ruleset,
        List<DraftChanges.FileChange> changes) {

    int errorCount() {
        return (int) findings.stream().filter(f -> f.severity() == RulesetProblem.Severity.ERROR).count();
    }
}
