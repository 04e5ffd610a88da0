package org.autocollections.validation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.autocollections.ruleset.PolicyFile;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;

/** Interim: compiles only; replaced by the validation package's own validator. */
public final class DraftValidator {

    public record Validation(List<Finding> findings, Ruleset ruleset) {
    }

    public Validation validate(List<PolicyFile> draftFiles, List<PolicyFile> baseFiles, Set<String> uploadedPaths,
            boolean developer, RuleModel model, Instant now) {
        try {
            Ruleset ruleset = new RulesetCompiler(model).compile("draft", draftFiles, now);
            return new Validation(ruleset.warnings().stream().map(Finding::of).toList(), ruleset);
        } catch (RulesetCompilationException e) {
            return new Validation(e.problems().stream().map(Finding::of).toList(), null);
        }
    }
}
