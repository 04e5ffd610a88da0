package org.autocollections.regression;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.autocollections.api.FieldMessage;
import org.autocollections.api.Language;
import org.autocollections.api.Message;
import org.autocollections.api.ProblemWording;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What is wrong in a scenario sheet, and where: the file, the row (1 is the header) and the column (A, B, ...). The
 * fault is kept as its key and values (and, for a scenario whose case is invalid, the case's own field fault), so that
 * it is worded in the caller's language when the problem leaves; {@code message} is its English wording.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SheetError")
public record SheetError(
        @Schema(example = "scenarios.csv") String file,
        @Schema(example = "3") Integer row,
        @Schema(example = "C") String column,
        @Schema(description = "The column's header: the case field or expectation it stands for.", example = "loan.overdueAmount") String field,
        @Schema(example = "must be a number, not 'abc'") String message,
        @JsonIgnore @Schema(hidden = true) Message words,
        @JsonIgnore @Schema(hidden = true) FieldMessage caseFault) {

    /** Key prefix of the sheet's faults in messages/problems_*.properties, and of the templates that read faults raised in English. */
    static final String KEYS = "invalid-scenario-sheet.error.";

    static SheetError of(String file, Integer row, String column, String field, Message words) {
        return new SheetError(file, row, column, field, words.english(), words, null);
    }

    /** A scenario whose case the service refuses: the case's field fault is worded as the case's problems are. */
    static SheetError invalidCase(String file, Integer row, String column, String field, FieldMessage fault) {
        SheetError english = new SheetError(file, row, column, field, null, null, fault).in(Language.EN);
        return new SheetError(file, row, column, field, english.message(), null, fault);
    }

    /** The fault worded in a language; file, row, column and field as they are. */
    public SheetError in(Language language) {
        String text;
        if (caseFault != null) {
            text = Message.of(KEYS + "case-invalid", caseFault.field(), caseFault.in(language).message()).in(language);
        } else {
            text = words.in(language, KEYS);
        }
        return new SheetError(file, row, column, field, text, null, null);
    }

    /** Where and what, as the problem's detail says it: {@code scenarios.csv row 3, column C (asOf): ...}. */
    public String said(Language language) {
        String message = in(language).message();
        return file
                + (row == null ? "" : Message.of(KEYS + "where.row", row).in(language))
                + (column == null ? "" : Message.of(KEYS + "where.column", column).in(language))
                + (field == null ? "" : Message.of(KEYS + "where.field", field).in(language))
                + ProblemWording.text(language, "separator.field").orElse(": ") + message;
    }

    @Override
    public String toString() {
        return said(Language.EN);
    }
}
