package org.autocollections.portfolio;

import java.util.List;

import org.autocollections.api.Problem;

/** A portfolio file that cannot be imported at all, such as a CSV header naming a field cases do not have. */
public class InvalidPortfolioException extends RuntimeException {

    private final transient Problem problem;

    public InvalidPortfolioException(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.problem = new Problem("https://autocollections.org/problems/invalid-portfolio", "Invalid portfolio file",
                400, detail, null, errors, null);
    }

    public Problem problem() {
        return problem;
    }
}
