package org.autocollections.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something wrong with a ruleset file, pinned as closely as we can: the file, and for a table the sheet, row
 * (1-based, as Excel shows it) and column letter; for DRL the line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetProblem(Severity severity, String file, String sheet, Integer row, String column, Integer line,
        String message) {

    public enum Severity {
        ERROR, WARNING
    }

    public static RulesetProblem inFile(String file, String message) {
        return new RulesetProblem(Severity.ERROR, file, null, null, null, null, message);
    }

    public static RulesetProblem atLine(String file, int line, String message) {
        return new RulesetProblem(Severity.ERROR, file, null, null, null, line, message);
    }

    public static RulesetProblem atCell(String file, String sheet, int row, String column, String message) {
        return new RulesetProblem(Severity.ERROR, file, sheet, row, column, null, message);
    }

    public RulesetProblem asWarning() {
        return new RulesetProblem(Severity.WARNING, file, sheet, row, column, line, message);
    }

    /** Where, in the words an analyst would look it up: {@code decision-tables/x.drl.xlsx, sheet Sheet1, cell C12}. */
    public String location() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(", sheet ").append(sheet);
        }
        if (row != null) {
            where.append(column == null ? ", row " + row : ", cell " + column + row);
        }
        if (line != null) {
            where.append(", line ").append(line);
        }
        return where.toString();
    }

    @Override
    public String toString() {
        return severity + " " + location() + ": " + message;
    }
}
