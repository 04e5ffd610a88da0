package org.autocollections.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of generated or written DRL that holds the expression a compile error quotes. The executable rule model
 * reports some errors at the line where the rule starts, or at no line at all, while its text quotes the constraint
 * at fault; that constraint's own line is what leads to the cell or line an author must fix.
 */
public final class QuotedExpression {

    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]{3,})'|expression: ([^\\n]{3,})");

    private QuotedExpression() {
    }

    /** The first line at or after {@code line} (anywhere when the line is unknown) holding a quoted expression. */
    public static int lineOf(String text, int line, String message) {
        String[] lines = text.split("\n", -1);
        List<String> quoted = quoted(message);
        if (quoted.isEmpty() || (line >= 1 && line <= lines.length && quoted.stream().anyMatch(lines[line - 1]::contains))) {
            return line;
        }
        for (int i = Math.max(line, 1); i <= lines.length; i++) {
            for (String expression : quoted) {
                if (lines[i - 1].contains(expression)) {
                    return i;
                }
            }
        }
        return line;
    }

    /** Whether the error is in the left side of a constraint: a field or method, written in a column's code. */
    static boolean isLeftSide(String message) {
        return message.contains("left part of expression");
    }

    private static List<String> quoted(String message) {
        List<String> found = new ArrayList<>();
        Matcher m = QUOTED.matcher(message);
        while (m.find()) {
            found.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
        }
        return found;
    }
}
