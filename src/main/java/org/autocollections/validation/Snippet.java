package org.autocollections.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.parser.ActionType;

/**
 * A column's code snippet as Drools fills it in: where each cell value lands (as code, or inside a quoted string),
 * how a cell is split into values for {@code $1, $2} and {@code forall}, and which comparisons it makes.
 */
final class Snippet {

    enum Type {
        /** No marker: the cell only switches the snippet on; its text is not inserted. */
        NONE,
        /** {@code $param}: the whole cell. */
        PARAM,
        /** {@code $1, $2, ...}: the cell split at commas. */
        INDEXED,
        /** {@code forall(op){... $ ...}}: the cell split at commas, each value in the body. */
        FORALL
    }

    /** Where a value lands: {@code quote} is 0 when it becomes code, else the quote around it. */
    record Marker(int value, char quote) {
        boolean inString() {
            return quote != 0;
        }
    }

    /** A comparison {@code field op $marker}: the kind of constraint a band of a range is built from. */
    record Comparison(String field, String operator, int value) {
        boolean lower() {
            return operator.startsWith(">");
        }

        boolean inclusive() {
            return operator.endsWith("=");
        }
    }

    private static final Pattern FORALL = Pattern.compile("forall\\(([^{}]*)\\)\\{([^{}]+)\\}");
    private static final Pattern COMPARISON = Pattern.compile(
            "^\\s*(?:this\\.)?([A-Za-z_][\\w.]*)\\s*(>=|<=|>|<)\\s*([\"']?)\\$(param|\\d+)\\3\\s*$");
    /** The operators after which Drools appends {@code "$param"} to a marker-less condition (LhsBuilder). */
    private static final Set<String> OPERATORS = Set.of("==", "=", "!=", "<", ">", "<=", ">=", "contains", "matches",
            "memberOf", "str[startsWith]", "str[endsWith]", "str[length]");

    private final String code;
    private final Type type;
    private final boolean stripsQuotes;
    private final List<Marker> markers = new ArrayList<>();

    private Snippet(String code, boolean stripsQuotes) {
        this.code = code;
        this.stripsQuotes = stripsQuotes;
        this.type = FORALL.matcher(code).find() ? Type.FORALL
                : code.contains("$1") ? Type.INDEXED
                : code.contains("$param") ? Type.PARAM
                : Type.NONE;
        findMarkers();
    }

    /** The snippet of a condition or action column, completed as Drools completes it. */
    static Snippet of(SheetLayout.Column column) {
        String snippet = column.snippet();
        if (column.code() == ActionType.Code.CONDITION && column.inPattern() && !hasMarker(snippet)) {
            // "name" becomes name == "$param" and "age <" becomes age < "$param"; a quoted cell loses its quotes.
            boolean operator = OPERATORS.stream().anyMatch(snippet::endsWith);
            return new Snippet(snippet + (operator ? " \"$param\"" : " == \"$param\""), true);
        }
        return new Snippet(snippet, false);
    }

    private static boolean hasMarker(String snippet) {
        return FORALL.matcher(snippet).find() || snippet.contains("$1") || snippet.contains("$param");
    }

    Type type() {
        return type;
    }

    String code() {
        return code;
    }

    /** The values a cell holds: the whole cell, or its comma-separated parts for $1, $2 and forall. */
    List<String> values(String cell) {
        String text = stripsQuotes && cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1) : cell;
        return type == Type.INDEXED || type == Type.FORALL ? splitArguments(text) : List.of(text);
    }

    /**
     * Where the n-th value of a cell lands; when it lands in several places, the one that trusts it least: as code
     * rather than inside quotes. Empty when the value is not inserted at all.
     */
    java.util.Optional<Marker> marker(int value) {
        Marker found = null;
        for (Marker marker : markers) {
            if (marker.value() == value && (found == null || !marker.inString())) {
                found = marker;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** The comparisons of a field with a cell value: {@code daysPastDue >= $param} and the like. */
    List<Comparison> comparisons() {
        List<Comparison> comparisons = new ArrayList<>();
        if (type != Type.PARAM && type != Type.INDEXED) {
            return comparisons;
        }
        for (String part : splitConstraints(code)) {
            Matcher m = COMPARISON.matcher(part);
            if (m.matches()) {
                int value = m.group(4).equals("param") ? 0 : Integer.parseInt(m.group(4)) - 1;
                comparisons.add(new Comparison(m.group(1), m.group(2), value));
            }
        }
        return comparisons;
    }

    private void findMarkers() {
        int forallStart = -1, forallEnd = -1;
        if (type == Type.FORALL) {
            Matcher m = FORALL.matcher(code);
            m.find();
            forallStart = m.start(2);
            forallEnd = m.end(2);
        }
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0 && c == '\\') {
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
                continue;
            }
            if (c != '$') {
                continue;
            }
            String rest = code.substring(i + 1);
            if (type == Type.PARAM && rest.startsWith("param")) {
                markers.add(new Marker(0, quote));
            } else if (type == Type.INDEXED && !rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
                int end = 0;
                while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
                    end++;
                }
                markers.add(new Marker(Integer.parseInt(rest.substring(0, end)) - 1, quote));
            } else if (type == Type.FORALL && i >= forallStart && i < forallEnd) {
                markers.add(new Marker(-1, quote));
            }
        }
    }

    /** In a forall every value lands where the body's {@code $} does. */
    java.util.Optional<Marker> markerFor(int value) {
        return type == Type.FORALL ? marker(-1) : marker(value);
    }

    /** Splits at commas outside quotes and brackets, as Drools splits a cell for $1, $2. */
    static List<String> splitArguments(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder part = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(part.toString().trim());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString().trim());
        return parts;
    }

    /** The constraints of a snippet, split at top-level commas and {@code &&}. */
    private static List<String> splitConstraints(String code) {
        List<String> parts = new ArrayList<>();
        for (String part : splitArguments(code)) {
            parts.addAll(List.of(part.split("&&")));
        }
        return parts;
    }
}
