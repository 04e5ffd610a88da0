package org.autocollections.scoring;

import org.autocollections.api.Problem;

/** A line of the input that is not a case at all (unreadable JSON or CSV), with the problem the import would report. */
final class RefusedCase extends RuntimeException {

    private final transient Problem problem;

    RefusedCase(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
