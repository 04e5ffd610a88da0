package org.autocollections.tables;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.drools.template.parser.DataListener;

/**
 * The cells of one sheet as Drools' parsers report them (0-based rows and columns), kept so that a table can be
 * checked, translated and have its errors pinned to a cell without reading the file twice.
 */
public final class SheetGrid {

    /** A cell's text, and the first column of its merged range (or {@link DataListener#NON_MERGED}). */
    public record Cell(String value, int mergedColStart) {
    }

    /** How a note on a formula cell begins, so a finding can be told by its kind. */
    public static final String FORMULA_NOTE = "a formula";

    /** Something the reader noticed in a cell that the analyst should know, such as a formula read by its value. */
    public record Note(int row, int column, String message) {
    }

    private final String name;
    private final java.util.List<Note> notes = new java.util.ArrayList<>();
    private final NavigableMap<Integer, NavigableMap<Integer, Cell>> rows = new TreeMap<>();
    private final NavigableMap<Integer, Integer> widths = new TreeMap<>();

    public SheetGrid(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void newRow(int row, int columns) {
        widths.put(row, columns);
        rows.computeIfAbsent(row, r -> new TreeMap<>());
    }

    void put(int row, int column, String value, int mergedColStart) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, new Cell(value, mergedColStart));
    }

    void note(int row, int column, String message) {
        notes.add(new Note(row, column, message));
    }

    /** The reader's notes on cells of this sheet, in reading order. */
    public java.util.List<Note> notes() {
        return java.util.List.copyOf(notes);
    }

    public String value(int row, int column) {
        Cell cell = rows.getOrDefault(row, new TreeMap<>()).get(column);
        return cell == null ? null : cell.value();
    }

    public NavigableMap<Integer, NavigableMap<Integer, Cell>> rows() {
        return rows;
    }

    /** Whether the sheet holds a decision table, rather than notes or the lists a workbook's drop-downs read. */
    public boolean hasRuleTable() {
        return rows.values().stream().flatMap(r -> r.values().stream()).anyMatch(c -> TableTranslator.isRuleTableCell(c.value()));
    }

    /** Replays the cells, in the order a parser would, into a Drools listener. */
    public void replay(DataListener listener) {
        listener.startSheet(name);
        for (Map.Entry<Integer, NavigableMap<Integer, Cell>> row : rows.entrySet()) {
            listener.newRow(row.getKey(), widths.getOrDefault(row.getKey(), row.getValue().size()));
            for (Map.Entry<Integer, Cell> cell : row.getValue().entrySet()) {
                listener.newCell(row.getKey(), cell.getKey(), cell.getValue().value(), cell.getValue().mergedColStart());
            }
        }
        listener.finishSheet();
    }

    /** Excel's name for a 0-based column: 0 is A, 26 is AA. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
