package org.autocollections.validation;

import org.autocollections.ruleset.RulesetProblem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Interim: replaced by the validation package's own finding. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(RulesetProblem.Severity severity, Kind kind, String file, String sheet, Integer row, String column,
        Integer line, String message) {

    public enum Kind {
        COMPILE_ERROR, CURLY_QUOTES
    }

    public static Finding of(RulesetProblem p) {
        return new Finding(p.severity(), Kind.COMPILE_ERROR, p.file(), p.sheet(), p.row(), p.column(), p.line(), p.message());
    }
}
