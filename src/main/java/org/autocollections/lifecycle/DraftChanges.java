package org.autocollections.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.autocollections.tables.PolicyFile;
import org.autocollections.tables.SheetGrid;
import org.autocollections.tables.TableFormat;
import org.autocollections.tables.TableReader;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a draft changes against the version it was based on, down to the cell, so an approver and later an auditor
 * see "cell C12 of overdue-buckets went from 30 to 45" rather than two file hashes. Tables are compared as the grids
 * Drools reads, so a workbook that replaces a CSV file shows only the cells whose text differs.
 */
public final class DraftChanges {

    /** At most this many cells are listed per file; the count is always exact. */
    static final int CELLS_LISTED = 500;

    public enum Change {
        ADDED, REPLACED, REMOVED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileChange(String path, String replaces, Change change, String sha256Before, String sha256After,
            Integer cellsChanged, List<CellChange> cells) {
    }

    public record CellChange(String sheet, int row, String column, String before, String after) {
    }

    private DraftChanges() {
    }

    /** The files of {@code draft} that differ from {@code base}, matched by path less the table format's suffix. */
    public static List<FileChange> between(List<PolicyFile> base, List<PolicyFile> draft) {
        Map<String, PolicyFile> baseByName = byName(base);
        Map<String, PolicyFile> draftByName = byName(draft);
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, PolicyFile> entry : draftByName.entrySet()) {
            PolicyFile after = entry.getValue();
            PolicyFile before = baseByName.get(entry.getKey());
            if (before == null) {
                changes.add(new FileChange(after.path(), null, Change.ADDED, null, after.sha256(), null, null));
            } else if (!before.sha256().equals(after.sha256())) {
                List<CellChange> cells = after.isTable() && before.isTable() ? cells(before, after) : null;
                changes.add(new FileChange(after.path(), before.path().equals(after.path()) ? null : before.path(),
                        Change.REPLACED, before.sha256(), after.sha256(), cells == null ? null : cells.size(),
                        cells == null ? null : cells.subList(0, Math.min(cells.size(), CELLS_LISTED))));
            }
        }
        baseByName.forEach((name, before) -> {
            if (!draftByName.containsKey(name)) {
                changes.add(new FileChange(before.path(), null, Change.REMOVED, before.sha256(), null, null, null));
            }
        });
        return changes;
    }

    private static Map<String, PolicyFile> byName(List<PolicyFile> files) {
        Map<String, PolicyFile> byName = new TreeMap<>();
        files.forEach(f -> byName.put(TableFormat.withoutSuffix(f.path()), f));
        return byName;
    }

    private static List<CellChange> cells(PolicyFile before, PolicyFile after) {
        List<SheetGrid> was;
        List<SheetGrid> is;
        try {
            was = read(before);
            is = read(after);
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable file has no cells to compare; validation reports it
        }
        List<CellChange> cells = new ArrayList<>();
        for (int s = 0; s < Math.max(was.size(), is.size()); s++) {
            SheetGrid a = s < was.size() ? was.get(s) : null;
            SheetGrid b = s < is.size() ? is.get(s) : null;
            // A CSV file's one sheet matches a workbook's first sheet whatever Excel named it.
            String sheet = b != null && !TableReader.CSV_SHEET.equals(b.name()) ? b.name() : a != null ? a.name() : b.name();
            compare(sheet, a, b, cells);
        }
        return cells;
    }

    private static void compare(String sheet, SheetGrid before, SheetGrid after, List<CellChange> cells) {
        TreeSet<Integer> rows = new TreeSet<>();
        if (before != null) {
            rows.addAll(before.rows().keySet());
        }
        if (after != null) {
            rows.addAll(after.rows().keySet());
        }
        for (int row : rows) {
            TreeSet<Integer> columns = new TreeSet<>();
            columns.addAll(columnsOf(before, row));
            columns.addAll(columnsOf(after, row));
            for (int column : columns) {
                String was = text(before, row, column);
                String is = text(after, row, column);
                if (!Objects.equals(was, is)) {
                    cells.add(new CellChange(sheet, row + 1, SheetGrid.columnName(column), was, is));
                }
            }
        }
    }

    private static java.util.Set<Integer> columnsOf(SheetGrid grid, int row) {
        NavigableMap<Integer, SheetGrid.Cell> cells = grid == null ? null : grid.rows().get(row);
        return cells == null ? java.util.Set.of() : cells.keySet();
    }

    private static String text(SheetGrid grid, int row, int column) {
        String value = grid == null ? null : grid.value(row, column);
        return value == null || value.isBlank() ? "" : value.strip();
    }

    /** The sheets holding tables: a workbook's notes and drop-down lists are not compiled, so they change nothing. */
    private static List<SheetGrid> read(PolicyFile file) throws IOException {
        return new TableReader().read(TableFormat.of(file.path()).orElseThrow(), file.content()).stream()
                .filter(SheetGrid::hasRuleTable).toList();
    }
}
