package org.autocollections.validation;

import java.util.List;

import org.autocollections.ruleset.Ruleset;

/**
 * What validating a draft ruleset found, and the compiled ruleset when nothing found is an ERROR (else null): the
 * draft may be activated only then.
 */
public record Validation(List<Finding> findings, Ruleset ruleset) {

    public Validation {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }
}
