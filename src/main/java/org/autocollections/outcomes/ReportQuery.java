package org.autocollections.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Message;

/** The question every outcome report answers: over which window, as of which instant (so that it can be asked again). */
public final class ReportQuery {

    private ReportQuery() {
    }

    /** One of the windows reports are read over, {@code absent} when none is given. */
    public static Period window(String window, Period absent) {
        try {
            Period period = window == null ? absent : Period.parse(window.trim());
            if (OutcomeReports.WINDOWS.contains(period)) {
                return period;
            }
        } catch (DateTimeParseException e) {
            // refused below, like a window of the wrong length
        }
        throw new InvalidRequestException("window", Message.of("field.one-of", "P30D, P60D, P90D"));
    }

    /** A timestamp with offset, now when none is given. */
    public static Instant asOf(String asOf, Clock clock) {
        try {
            return asOf == null ? clock.instant() : OffsetDateTime.parse(asOf.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", Message.of("field.timestamp"));
        }
    }
}
