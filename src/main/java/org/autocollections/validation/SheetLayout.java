package org.autocollections.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.autocollections.tables.SheetGrid;
import org.autocollections.tables.TableTranslator;
import org.drools.decisiontable.parser.ActionType;
import org.drools.template.parser.DataListener;

/**
 * A sheet read the way Drools' rule-sheet listener reads it: settings rows (RuleSet, Import, ...) and RuleTables,
 * each with its four code rows, its title row and its data rows. Cell texts are trimmed and have Excel's curly quotes
 * straightened, as the compiler sees them, so that the checks judge what will be compiled.
 */
final class SheetLayout {

    private static final String RULE_TABLE = "ruletable";
    /** Rows below the RuleTable row: keywords, pattern, code snippet, title; data follows. */
    static final int KEYWORD_ROW = 1, PATTERN_ROW = 2, SNIPPET_ROW = 3, TITLE_ROW = 4, FIRST_DATA_ROW = 5;

    /** A settings row outside every table, by its 0-based row and its non-empty cells. */
    record SettingsRow(int row, NavigableMap<Integer, String> cells) {
        String key() {
            return cells.isEmpty() ? "" : cells.firstEntry().getValue();
        }

        /** The values after the key, as Drools joins a property spread over several cells. */
        List<String> values() {
            return new ArrayList<>(cells.tailMap(cells.firstKey(), false).values());
        }
    }

    /** A column of a table: its keyword, the pattern it constrains (for conditions) and its code snippet. */
    record Column(int index, ActionType.Code code, int patternColumn, String pattern, String snippet, String title) {
        /** A condition column under a pattern joins its constraint into that pattern, as {@code Fact(a, b)}. */
        boolean inPattern() {
            return !pattern.isEmpty();
        }
    }

    record Table(int nameRow, int startColumn, String name, NavigableMap<Integer, Column> columns, List<Integer> dataRows) {
        List<Column> columns(ActionType.Code code) {
            return columns.values().stream().filter(c -> c.code() == code).toList();
        }

        Optional<Column> column(ActionType.Code code) {
            return columns.values().stream().filter(c -> c.code() == code).findFirst();
        }
    }

    private final SheetGrid grid;
    private final List<SettingsRow> settings = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    private SheetLayout(SheetGrid grid) {
        this.grid = grid;
    }

    static boolean hasTable(SheetGrid grid) {
        return grid.rows().values().stream().flatMap(r -> r.values().stream()).anyMatch(c -> isRuleTable(c.value()));
    }

    static SheetLayout of(SheetGrid grid) {
        SheetLayout layout = new SheetLayout(grid);
        layout.read();
        return layout;
    }

    String sheet() {
        return grid.name();
    }

    List<SettingsRow> settings() {
        return settings;
    }

    List<Table> tables() {
        return tables;
    }

    /** The trimmed, straightened text of a cell; "" when there is none. */
    String text(int row, int column) {
        String value = grid.value(row, column);
        return value == null ? "" : TableTranslator.straightQuotes(value).trim();
    }

    /** The non-empty cells of a row from a column on, by column. */
    NavigableMap<Integer, String> cells(int row, int fromColumn) {
        NavigableMap<Integer, String> cells = new TreeMap<>();
        NavigableMap<Integer, SheetGrid.Cell> raw = grid.rows().get(row);
        if (raw != null) {
            for (Integer column : raw.tailMap(fromColumn, true).keySet()) {
                String text = text(row, column);
                if (!text.isEmpty()) {
                    cells.put(column, text);
                }
            }
        }
        return cells;
    }

    /** The first column of the merged range a cell belongs to, or the cell's own column. */
    int mergeStart(int row, int column) {
        NavigableMap<Integer, SheetGrid.Cell> raw = grid.rows().get(row);
        SheetGrid.Cell cell = raw == null ? null : raw.get(column);
        return cell == null || cell.mergedColStart() == DataListener.NON_MERGED ? column : cell.mergedColStart();
    }

    /** Settings of the sheet by key, case-insensitively, as Drools' properties listener reads them. */
    List<String> setting(String key) {
        List<String> values = new ArrayList<>();
        for (SettingsRow row : settings) {
            if (row.key().equalsIgnoreCase(key)) {
                values.addAll(row.values());
            }
        }
        return values;
    }

    private void read() {
        Integer skipUntil = -1;
        for (Integer row : grid.rows().keySet()) {
            if (row <= skipUntil) {
                continue;
            }
            NavigableMap<Integer, String> cells = cells(row, 0);
            Optional<Map.Entry<Integer, String>> ruleTable = cells.entrySet().stream()
                    .filter(c -> isRuleTable(c.getValue())).findFirst();
            if (ruleTable.isPresent()) {
                Table table = readTable(row, ruleTable.get().getKey(), ruleTable.get().getValue());
                tables.add(table);
                skipUntil = table.dataRows().isEmpty() ? row + TITLE_ROW : table.dataRows().get(table.dataRows().size() - 1);
            } else if (!cells.isEmpty()) {
                settings.add(new SettingsRow(row, cells));
            }
        }
    }

    private Table readTable(int nameRow, int start, String nameCell) {
        NavigableMap<Integer, Column> columns = new TreeMap<>();
        for (Map.Entry<Integer, String> keyword : cells(nameRow + KEYWORD_ROW, start).entrySet()) {
            ActionType.Code code = code(keyword.getValue());
            if (code == null) {
                continue; // the translator refuses the table with this cell named
            }
            int column = keyword.getKey();
            int patternColumn = mergeStart(nameRow + PATTERN_ROW, column);
            columns.put(column, new Column(column, code, patternColumn, text(nameRow + PATTERN_ROW, patternColumn),
                    text(nameRow + SNIPPET_ROW, column), text(nameRow + TITLE_ROW, column)));
        }
        // Drools ends a table at the first row with nothing in the table's columns.
        List<Integer> dataRows = new ArrayList<>();
        for (int row = nameRow + FIRST_DATA_ROW; ; row++) {
            NavigableMap<Integer, String> cells = cells(row, start);
            if (cells.isEmpty() || cells.values().stream().anyMatch(SheetLayout::isRuleTable)) {
                break;
            }
            dataRows.add(row);
        }
        String name = nameCell.substring(RULE_TABLE.length()).trim();
        return new Table(nameRow, start, name, columns, dataRows);
    }

    static boolean isRuleTable(String value) {
        return value != null && value.trim().toLowerCase().startsWith(RULE_TABLE);
    }

    /** Drools' own lookup: the keyword, else its first letter. */
    static ActionType.Code code(String keyword) {
        String upper = keyword.trim().toUpperCase();
        if (upper.isEmpty()) {
            return null;
        }
        ActionType.Code code = ActionType.getTag2code().get(upper);
        return code != null ? code : ActionType.getTag2code().get(upper.substring(0, 1));
    }
}
