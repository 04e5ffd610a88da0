package org.autocollections.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.autocollections.api.Message;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.SheetGrid;
import org.drools.decisiontable.parser.ActionType;

/**
 * Data cells hold values, never code. Drools pastes a cell's text into the column's snippet as it is, so a cell can
 * end a quoted string and append code of its own ({@code ") ; System.exit(0); ("}), or, where the snippet uses the
 * value unquoted, be any expression at all. The rule, by where the value lands:
 * <ul>
 * <li>inside quotes in the snippet ({@code "$param"}): any text without a double quote, a backslash (which could
 * escape the closing quote, or spell one as {@code \u0022}) or a line break; inside single quotes, no single quote
 * either. Parentheses, semicolons and the like are harmless there: they stay text.</li>
 * <li>as code ({@code $param} unquoted): a number ({@code -12}, {@code 0.75}), {@code true} or {@code false}, or an
 * upper-case word such as an enum constant ({@code PHONE}); nothing else, so no field, call, operator or list.</li>
 * <li>PRIORITY and DURATION: a whole number. DESCRIPTION (written after {@code //} in the generated rule): no line
 * break. NAME and the other attribute columns (written in quotes): the text rule.</li>
 * </ul>
 * A column whose snippet has no marker only switches its code on; what its cells say is not inserted.
 */
final class CellValueCheck {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern LITERAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?|true|false|[A-Z][A-Z0-9_]*");

    List<Finding> check(String file, SheetLayout sheet, Severity severity) {
        List<Finding> findings = new ArrayList<>();
        for (SheetLayout.Table table : sheet.tables()) {
            for (SheetLayout.Column column : table.columns().values()) {
                for (int row : table.dataRows()) {
                    String cell = sheet.text(row, column.index());
                    if (cell.isEmpty()) {
                        continue;
                    }
                    problem(column, cell).ifPresent(message -> findings.add(Finding.atCell(severity, Finding.Kind.CODE_IN_CELL,
                            file, sheet.sheet(), row + 1, SheetGrid.columnName(column.index()), message)));
                }
            }
        }
        return findings;
    }

    static Optional<Message> problem(SheetLayout.Column column, String cell) {
        return switch (column.code()) {
            case CONDITION, ACTION, METADATA -> snippetValue(Snippet.of(column), cell);
            case SALIENCE, DURATION -> WHOLE_NUMBER.matcher(cell).matches() ? Optional.empty()
                    : Optional.of(Message.of("finding.CODE_IN_CELL.message.whole-number", cell));
            case DESCRIPTION -> lineBreak(cell);
            default -> text(cell, '"');
        };
    }

    private static Optional<Message> snippetValue(Snippet snippet, String cell) {
        if (snippet.type() == Snippet.Type.NONE) {
            return Optional.empty();
        }
        List<String> values = snippet.values(cell);
        for (int i = 0; i < values.size(); i++) {
            Optional<Snippet.Marker> marker = snippet.markerFor(i);
            if (marker.isEmpty()) {
                continue;
            }
            Optional<Message> problem = marker.get().inString() ? text(values.get(i), marker.get().quote()) : literal(values.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Message> text(String value, char quote) {
        if (value.indexOf('"') >= 0) {
            return Optional.of(Message.of("finding.CODE_IN_CELL.message.double-quote"));
        }
        if (quote == '\'' && value.indexOf('\'') >= 0) {
            return Optional.of(Message.of("finding.CODE_IN_CELL.message.single-quote"));
        }
        if (value.indexOf('\\') >= 0) {
            return Optional.of(Message.of("finding.CODE_IN_CELL.message.backslash"));
        }
        return lineBreak(value);
    }

    private static Optional<Message> lineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                ? Optional.of(Message.of("finding.CODE_IN_CELL.message.line-break"))
                : Optional.empty();
    }

    private static Optional<Message> literal(String value) {
        if (LITERAL.matcher(value).matches()) {
            return Optional.empty();
        }
        String key = value.matches("[+-]?[\\d,]+(\\.\\d+)?") ? "finding.CODE_IN_CELL.message.not-plain-thousands"
                : value.matches("[+-]?\\d+(\\.\\d+)?\\s*%") ? "finding.CODE_IN_CELL.message.not-plain-percent"
                : NUMBER.matcher(value.replace(" ", "")).matches() ? "finding.CODE_IN_CELL.message.not-plain-spaces"
                : "finding.CODE_IN_CELL.message.not-plain";
        return Optional.of(Message.of(key, value));
    }
}
