package org.autocollections.experiments;

import org.autocollections.api.Problem;

/**
 * A step on an experiment refused for a reason the caller can act on: no such experiment (404), a step its status or
 * another running experiment does not allow (409), an arm that fails the compliance expectations (422).
 */
public class ExperimentException extends RuntimeException {

    private final transient Problem problem;

    private ExperimentException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    static ExperimentException notFound(long id) {
        return notFound(Long.toString(id));
    }

    static ExperimentException notFound(String id) {
        return new ExperimentException(Problem.of("experiment-not-found", "No such experiment", 404, "No experiment " + id));
    }

    static ExperimentException conflict(String detail) {
        return new ExperimentException(Problem.of("experiment-conflict", "Not possible for the experiment now", 409, detail));
    }

    static ExperimentException notCompliant(String detail) {
        return new ExperimentException(Problem.of("experiment-not-compliant",
                "An arm fails the compliance expectations", 422, detail));
    }
}
