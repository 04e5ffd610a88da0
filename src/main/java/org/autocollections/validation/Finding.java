package org.autocollections.validation;

import org.autocollections.ruleset.Wording;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import org.autocollections.api.Message;
import org.autocollections.api.RulesetProblem;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.SheetGrid;

/**
 * One thing the validation of a draft ruleset found, pinned like a {@link RulesetProblem}: the file, and for a table
 * the sheet, row (1-based, as Excel shows it) and column letter; for a rule file the line. An ERROR keeps the draft
 * from being activated; a WARNING is shown to the reviewer. docs/analyst-findings.md explains each kind to analysts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(properties = @SchemaProperty(name = "explanation", type = SchemaType.STRING, description = "What the kind of "
        + "finding means and how to fix it, in the caller's language (docs/analyst-findings.md); added when shown",
        example = "A value between two bands that no row covers: cases with that value get nothing from the table."))
public record Finding(Severity severity, Kind kind, String file, String sheet, Integer row, String column, Integer line,
        String message,
        @Schema(hidden = true, description = "The message as its key and values, kept with the draft so that the "
                + "message is worded anew in each reader's language") Message words) {

    public enum Kind {
        /** The ruleset does not compile: Drools, or our table reader, refused it. */
        COMPILE_ERROR,
        /** The file is not a workbook or CSV file that can be read at all. */
        UNREADABLE_FILE,
        /** A value between two bands of a numeric range that no row covers. */
        RANGE_GAP,
        /** A value that two rows of the same table and conditions both cover. */
        RANGE_OVERLAP,
        /** A row that can never fire: its range is empty, or an earlier row of a first-match table takes its cases. */
        UNREACHABLE_ROW,
        /** Two rows of a table with the same conditions, so both always fire together. */
        DUPLICATE_CONDITIONS,
        /** A row of the table's code (settings, RuleTable, keywords, patterns, snippets) differs from the active one. */
        HEADER_CHANGED,
        /** A column title (the row analysts read) differs from the active one: harmless, shown for review. */
        TITLE_CHANGED,
        /** A data cell holds something other than a plain value, and would change the rule's code. */
        CODE_IN_CELL,
        /** Excel's curly quotes, replaced by straight ones. */
        CURLY_QUOTES,
        /** A formula cell, read by the value Excel last calculated for it. */
        FORMULA_CELL,
        /** An uploaded table with no namesake in the active ruleset. */
        UNKNOWN_TABLE,
        /** The wording file: a cell that does not read, names a parameter its reason lacks, or a reason or script left without words. */
        WORDING
    }

    static final String CURLY_QUOTES_MESSAGE = "curly quotes";
    private static final String UNREADABLE_MESSAGE = "cannot be read as";

    public static Finding of(RulesetProblem problem) {
        Kind kind = problem.message().startsWith(UNREADABLE_MESSAGE) ? Kind.UNREADABLE_FILE
                : problem.severity() == Severity.WARNING && problem.message().startsWith(CURLY_QUOTES_MESSAGE) ? Kind.CURLY_QUOTES
                : problem.severity() == Severity.WARNING && problem.message().startsWith(SheetGrid.FORMULA_NOTE) ? Kind.FORMULA_CELL
                : Wording.isWordingFile(String.valueOf(problem.file())) ? Kind.WORDING
                : Kind.COMPILE_ERROR;
        return new Finding(problem.severity(), kind, problem.file(), problem.sheet(), problem.row(), problem.column(),
                problem.line(), problem.message(), null);
    }

    static Finding atCell(Severity severity, Kind kind, String file, String sheet, Integer row, String column,
            Message words) {
        return new Finding(severity, kind, file, sheet, row, column, null, words.english(), keyed(words));
    }

    static Finding inFile(Severity severity, Kind kind, String file, Message words) {
        return atCell(severity, kind, file, null, null, null, words);
    }

    /** Only a sentence of ours is kept as its key: a text someone else wrote is the message itself. */
    private static Message keyed(Message words) {
        return words.key() == null ? null : words;
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Where, in the words an analyst would look it up: {@code decision-tables/x.drl.xlsx, sheet Sheet1, cell C12}. */
    public String location() {
        return new RulesetProblem(severity, file, sheet, row, column, line, message).location();
    }

    @Override
    public String toString() {
        return severity + " " + kind + " " + location() + ": " + message;
    }
}
