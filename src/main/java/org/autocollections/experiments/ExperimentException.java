package org.autocollections.experiments;

import org.autocollections.api.Message;
import org.autocollections.api.RaisedProblem;

/**
 * A step on an experiment refused for a reason the caller can act on: no such experiment (404), a step its status or
 * another running experiment does not allow (409), an arm that fails the compliance expectations (422). The problem is
 * kept as raised, so that it is worded in the caller's language as it leaves.
 */
public class ExperimentException extends RuntimeException {

    private final transient RaisedProblem problem;

    private ExperimentException(RaisedProblem problem) {
        super(problem.detail().english());
        this.problem = problem;
    }

    public RaisedProblem problem() {
        return problem;
    }

    static ExperimentException notFound(long id) {
        return notFound(Long.toString(id));
    }

    static ExperimentException notFound(String id) {
        return new ExperimentException(RaisedProblem.of("experiment-not-found", "No such experiment", 404,
                Message.of("experiment-not-found.detail", id)));
    }

    static ExperimentException conflict(Message detail) {
        return new ExperimentException(RaisedProblem.of("experiment-conflict", "Not possible for the experiment now", 409,
                detail));
    }

    static ExperimentException notCompliant(String failing) {
        return new ExperimentException(RaisedProblem.of("experiment-not-compliant",
                "An arm fails the compliance expectations", 422, Message.of("experiment-not-compliant.detail", failing)));
    }
}
