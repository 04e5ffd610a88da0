package org.autocollections.ruleset;

import org.autocollections.api.RulesetProblem;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that cannot become active, with every problem found, each pinned to its file and cell or line. */
public class RulesetCompilationException extends Exception {

    private final List<RulesetProblem> problems;

    public RulesetCompilationException(List<RulesetProblem> problems) {
        super("The ruleset does not compile:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
