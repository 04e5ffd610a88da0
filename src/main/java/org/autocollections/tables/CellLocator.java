package org.autocollections.tables;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.autocollections.api.RulesetProblem;

/**
 * Pins a compile error in generated DRL back to the spreadsheet cell that caused it. Drools reports the line and
 * column of the generated text only; we know which rule (hence which row) a line belongs to, and find the cell of
 * that row whose text appears where the error is. When no data cell matches, the fault lies in a column's code
 * snippet, and the header cell holding that snippet is named instead.
 */
public final class CellLocator {

    private CellLocator() {
    }

    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("Line (\\d+):(\\d+)");

    public static RulesetProblem locate(TranslatedSheet sheet, int line, int column, String message) {
        java.util.regex.Matcher position = POSITION.matcher(message);
        if (column <= 0 && position.find() && Integer.parseInt(position.group(1)) == line) {
            column = Integer.parseInt(position.group(2)); // the parser puts the column in its text only
        }
        String[] lines = sheet.drl().split("\n", -1);
        String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        TranslatedSheet.GeneratedRule rule = sheet.ruleAtLine(line);
        String summary = firstLine(message);
        if (rule == null || rule.row() <= 0) {
            return new RulesetProblem(RulesetProblem.Severity.ERROR, sheet.file(), sheet.sheet(), null, null, null,
                    "in the table's settings (package, imports or variables): " + summary);
        }
        int row = rule.row() - 1;
        // a row's values fill the right side of constraints only; a bad left side is the column's code
        Integer dataColumn = QuotedExpression.isLeftSide(message) ? null : matchingColumn(sheet.grid().rows().get(row), text, column, message, false);
        if (dataColumn != null) {
            return RulesetProblem.atCell(sheet.file(), sheet.sheet(), rule.row(), SheetGrid.columnName(dataColumn), summary);
        }
        int codeRow = codeRowAbove(sheet.grid(), row);
        Integer codeColumn = codeRow < 0 ? null
                : matchingColumn(sheet.grid().rows().get(codeRow), text, column, message, true);
        if (codeColumn != null) {
            return RulesetProblem.atCell(sheet.file(), sheet.sheet(), codeRow + 1, SheetGrid.columnName(codeColumn),
                    "the column's code does not compile: " + summary);
        }
        return new RulesetProblem(RulesetProblem.Severity.ERROR, sheet.file(), sheet.sheet(), rule.row(), null, null, summary);
    }

    private static Integer matchingColumn(NavigableMap<Integer, SheetGrid.Cell> cells, String text, int errorColumn,
            String message, boolean snippet) {
        if (cells == null) {
            return null;
        }
        Integer first = null;
        for (Map.Entry<Integer, SheetGrid.Cell> cell : cells.entrySet()) {
            String needle = snippet ? longestLiteralPart(cell.getValue().value()) : cell.getValue().value().trim();
            if (needle.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                if (errorColumn >= at && errorColumn <= at + needle.length()) {
                    return cell.getKey();
                }
            }
            if (first == null && (text.contains(needle) || message.contains(needle))) {
                first = cell.getKey();
            }
        }
        return first;
    }

    /** The longest piece of a code snippet between its $param markers: the part that appears verbatim in DRL. */
    private static String longestLiteralPart(String snippet) {
        String longest = "";
        for (String part : snippet.split("\\$(param|\\d+)")) {
            if (part.trim().length() > longest.length()) {
                longest = part.trim();
            }
        }
        return longest.length() < 3 ? "" : longest;
    }

    private static int codeRowAbove(SheetGrid grid, int row) {
        for (Map.Entry<Integer, NavigableMap<Integer, SheetGrid.Cell>> r : grid.rows().headMap(row, false).descendingMap().entrySet()) {
            for (SheetGrid.Cell cell : r.getValue().values()) {
                if (TableTranslator.isRuleTableCell(cell.value())) {
                    return r.getKey() + 3;
                }
            }
        }
        return -1;
    }

    /**
     * A fault in a column's code makes every row using that column fail, each reported against its own data cell.
     * When all the rows of a column fail, the fault is the column's code: one problem at the code cell replaces them.
     */
    public static List<RulesetProblem> collapseColumnFaults(TranslatedSheet sheet, List<RulesetProblem> problems) {
        Map<String, List<RulesetProblem>> byColumn = new java.util.LinkedHashMap<>();
        for (RulesetProblem p : problems) {
            if (p.row() != null && p.column() != null && p.severity() == RulesetProblem.Severity.ERROR) {
                byColumn.computeIfAbsent(p.column(), c -> new java.util.ArrayList<>()).add(p);
            }
        }
        List<RulesetProblem> result = new java.util.ArrayList<>(problems);
        for (Map.Entry<String, List<RulesetProblem>> column : byColumn.entrySet()) {
            long failingRows = column.getValue().stream().map(RulesetProblem::row).distinct().count();
            int columnIndex = columnIndex(column.getKey());
            List<Integer> rowsUsingColumn = sheet.rules().stream().map(TranslatedSheet.GeneratedRule::row)
                    .filter(r -> sheet.grid().value(r - 1, columnIndex) != null && !sheet.grid().value(r - 1, columnIndex).isBlank())
                    .toList();
            int codeRow = rowsUsingColumn.isEmpty() ? -1 : codeRowAbove(sheet.grid(), rowsUsingColumn.get(0) - 1);
            if (failingRows > 1 && failingRows == rowsUsingColumn.size() && codeRow >= 0) {
                result.removeAll(column.getValue());
                result.add(RulesetProblem.atCell(sheet.file(), sheet.sheet(), codeRow + 1, column.getKey(),
                        "the column's code does not compile (every row using it fails): " + column.getValue().get(0).message()));
            }
        }
        return result;
    }

    private static int columnIndex(String letters) {
        int index = 0;
        for (char c : letters.toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    private static String firstLine(String message) {
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
