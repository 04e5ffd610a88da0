package org.autocollections.portfolio;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.autocollections.api.Language;
import org.autocollections.api.Problem;
import org.autocollections.api.RaisedProblem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import did. {@code imported} is every case stored or confirmed: {@code created + updated + unchanged};
 * {@code failed} counts every line that was refused, of which at most {@value #MAX_ERRORS_LISTED} are listed.
 */
@Schema(name = "ImportSummary")
public record ImportSummary(
        @Schema(description = "Cases stored or confirmed: created + updated + unchanged.", example = "19998") long imported,
        @Schema(description = "Cases that were not stored before.", example = "19000") long created,
        @Schema(description = "Stored cases whose data changed.", example = "900") long updated,
        @Schema(description = "Stored cases sent again with the same data: nothing was written.", example = "98") long unchanged,
        @Schema(description = "Lines or rows refused, all of them counted.", example = "2") long failed,
        @Schema(description = "The first " + MAX_ERRORS_LISTED + " refused lines, in file order.") List<LineError> errors) {

    public static final int MAX_ERRORS_LISTED = 100;

    @Schema(name = "ImportLineError")
    public record LineError(
            @Schema(description = "Line of the file the case starts on, counted from 1 (in CSV the header is line 1).",
                    example = "17") long line,
            @Schema(description = "The case's id when the line had a readable one.", example = "CASE-17") String caseId,
            @Schema(description = "Why the line was refused: the same problem details PUT /api/v1/cases/{caseId} "
                    + "would answer, with the fields at fault in errors[].") Problem problem,
            @JsonIgnore @Schema(hidden = true) RaisedProblem raised) {

        /** A refused line, its problem in English until {@link ImportSummary#in} words it for a reader. */
        static LineError of(long line, String caseId, RaisedProblem raised) {
            return new LineError(line, caseId, raised.in(Language.EN), raised);
        }

        LineError in(Language language) {
            return new LineError(line, caseId, raised.in(language), raised);
        }
    }

    /** The summary with each refused line's problem worded in a language; the counts, lines and ids unchanged. */
    public ImportSummary in(Language language) {
        return new ImportSummary(imported, created, updated, unchanged, failed,
                errors.stream().map(e -> e.in(language)).toList());
    }

    /** Whether every line was imported. */
    public boolean complete() {
        return failed == 0;
    }
}
