package org.autocollections.scoring;

import org.autocollections.api.Language;
import org.autocollections.api.Problem;
import org.autocollections.api.RaisedProblem;

/** A line of the input that is not a case at all (unreadable JSON or CSV), with the problem the import would report. */
final class RefusedCase extends RuntimeException {

    private final transient RaisedProblem problem;

    RefusedCase(RaisedProblem problem) {
        super(problem.in(Language.EN).detail(), null, false, false);
        this.problem = problem;
    }

    /** In English: a run's output and its stored outcome hold the problem as English readers have always read it. */
    Problem problem() {
        return problem.in(Language.EN);
    }
}
