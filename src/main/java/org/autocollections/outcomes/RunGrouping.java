package org.autocollections.outcomes;

import java.util.Arrays;
import java.util.Locale;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Message;

/** What a run's cases are grouped by when their outcomes are compared: what the run advised for each. */
public enum RunGrouping {
    ACTION, CHANNEL, SCRIPT, BUCKET, RATING;

    /** The grouping a query names, in any case; none means by next action. */
    public static RunGrouping of(String by) {
        if (by == null) {
            return ACTION;
        }
        try {
            return valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("by", Message.of("field.one-of",
                    String.join(", ", Arrays.stream(values()).map(RunGrouping::label).toList())));
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
