package org.autocollections.portfolio;

import java.util.List;

import org.autocollections.api.FieldMessage;
import org.autocollections.api.Language;
import org.autocollections.api.Message;
import org.autocollections.api.Problem;
import org.autocollections.api.RaisedProblem;

/** A portfolio file that cannot be imported at all, such as a CSV header naming a field cases do not have. */
public class InvalidPortfolioException extends RuntimeException {

    private final transient RaisedProblem raised;

    public InvalidPortfolioException(Message detail, List<FieldMessage> errors) {
        super(detail.english());
        this.raised = new RaisedProblem("invalid-portfolio", "Invalid portfolio file", 400, detail, List.copyOf(errors),
                null);
    }

    /** The problem, to be worded in the caller's language. */
    public RaisedProblem raised() {
        return raised;
    }

    /** The problem in English, as the command line tells it. */
    public Problem problem() {
        return raised.in(Language.EN);
    }
}
