package org.autocollections.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.template.parser.DataListener;

/**
 * Writes a decision table in the other format, keeping what Drools reads: each cell's text and the merged ranges. A
 * CSV file marks a merged range as Drools' CSV reader expects, {@code text...} followed by {@code ...} cells; a
 * workbook gets real merged regions and every cell as text, so a 1.0 stays 1.0 and 0.10 stays 0.10. Sheets without a
 * RuleTable (notes, charts) are not carried into a CSV file, and formatting never is.
 */
public final class TableConverter {

    private static final String MERGE_MARK = "...";

    private final TableReader reader = new TableReader();

    /** The table as a CSV file; refused when the workbook has RuleTables on more than one sheet. */
    public byte[] toCsv(PolicyFile table) {
        List<SheetGrid> tables = read(table).stream().filter(TableConverter::hasRuleTable).toList();
        if (tables.isEmpty()) {
            throw new TableConversionException(table.path(), "has no sheet with a RuleTable cell");
        }
        if (tables.size() > 1) {
            throw new TableConversionException(table.path(), "has tables on " + tables.size() + " sheets ("
                    + String.join(", ", tables.stream().map(SheetGrid::name).toList())
                    + "), and a CSV file holds one sheet: keep it as a workbook, or move the tables onto one sheet");
        }
        SheetGrid grid = tables.get(0);
        StringBuilder csv = new StringBuilder();
        int lastRow = grid.rows().isEmpty() ? -1 : grid.rows().lastKey();
        for (int row = 0; row <= lastRow; row++) {
            csv.append(csvLine(table.path(), grid, row)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The table as a workbook: one sheet named after the file for a CSV file, the same sheets for a workbook. */
    public byte[] toXlsx(PolicyFile table) {
        List<SheetGrid> grids = read(table);
        boolean fromCsv = TableFormat.of(table.path()).orElseThrow() == TableFormat.CSV;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (SheetGrid grid : grids) {
                writeSheet(workbook.createSheet(fromCsv ? sheetName(table.path()) : grid.name()), grid);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new TableConversionException(table.path(), "cannot be written as a workbook: " + e.getMessage());
        }
    }

    private List<SheetGrid> read(PolicyFile table) {
        TableFormat format = TableFormat.of(table.path())
                .orElseThrow(() -> new TableConversionException(table.path(), "is not a decision table (*.drl.xlsx, *.drl.xls, *.drl.csv)"));
        try {
            return reader.read(format, table.content());
        } catch (IOException | RuntimeException e) {
            throw new TableConversionException(table.path(), "cannot be read as " + format.name() + ": " + TableTranslator.rootMessage(e));
        }
    }

    private static boolean hasRuleTable(SheetGrid grid) {
        return grid.rows().values().stream().flatMap(r -> r.values().stream()).anyMatch(c -> TableTranslator.isRuleTableCell(c.value()));
    }

    private static boolean merged(SheetGrid.Cell cell) {
        return cell != null && cell.mergedColStart() != DataListener.NON_MERGED;
    }

    private static String csvLine(String file, SheetGrid grid, int row) {
        NavigableMap<Integer, SheetGrid.Cell> cells = grid.rows().getOrDefault(row, new TreeMap<>());
        int last = -1;
        for (Map.Entry<Integer, SheetGrid.Cell> cell : cells.entrySet()) {
            if (!cell.getValue().value().isEmpty() || merged(cell.getValue())) {
                last = cell.getKey();
            }
        }
        if (last < 0) {
            return ","; // a blank row, written as the shipped tables write it
        }
        List<String> fields = new ArrayList<>();
        for (int column = 0; column <= last; column++) {
            SheetGrid.Cell cell = cells.get(column);
            String where = "cell " + SheetGrid.columnName(column) + (row + 1);
            if (cell == null) {
                fields.add("");
                continue;
            }
            String value = cell.value();
            if (value.contains("\n") || value.contains("\r")) {
                throw new TableConversionException(file, where + " has a line break, which a CSV table cannot hold: "
                        + "remove it, or keep the table as a workbook");
            }
            if (!merged(cell)) {
                if (value.endsWith(MERGE_MARK)) {
                    throw new TableConversionException(file, where + " ends with '...', which a CSV table reads as a "
                            + "merged cell: remove the dots, or keep the table as a workbook");
                }
                fields.add(quote(value));
            } else if (cell.mergedColStart() == column) {
                if (merged(cells.get(column - 1))) {
                    throw new TableConversionException(file, where + " starts a merged range right after another, "
                            + "which a CSV table cannot tell apart: keep the table as a workbook");
                }
                fields.add(quote(value + MERGE_MARK));
            } else {
                fields.add(MERGE_MARK);
            }
        }
        return String.join(",", fields);
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void writeSheet(Sheet sheet, SheetGrid grid) {
        Map<Integer, Integer> widths = new TreeMap<>();
        for (Map.Entry<Integer, NavigableMap<Integer, SheetGrid.Cell>> cells : grid.rows().entrySet()) {
            Row row = sheet.createRow(cells.getKey());
            for (Map.Entry<Integer, SheetGrid.Cell> cell : cells.getValue().entrySet()) {
                String value = cell.getValue().value();
                boolean continuation = merged(cell.getValue()) && cell.getValue().mergedColStart() != cell.getKey();
                if (value.isEmpty() && !merged(cell.getValue())) {
                    continue;
                }
                // Excel keeps a blank cell under each merged one; Drools reads it as the range's text.
                row.createCell(cell.getKey()).setCellValue(continuation ? "" : value);
                widths.merge(cell.getKey(), continuation ? 0 : value.length(), Math::max);
            }
        }
        for (CellRangeAddress range : mergedRanges(grid)) {
            sheet.addMergedRegion(range);
        }
        widths.forEach((column, width) -> sheet.setColumnWidth(column, Math.min(Math.max(width, 8) + 2, 60) * 256));
    }

    /**
     * The merged ranges of a grid. Each row reports its part of a range; one-column parts in consecutive rows with the
     * same text are one range down those rows, since Excel cannot merge a single cell.
     */
    private static List<CellRangeAddress> mergedRanges(SheetGrid grid) {
        List<CellRangeAddress> ranges = new ArrayList<>();
        NavigableMap<Integer, NavigableMap<Integer, String>> singles = new TreeMap<>(); // column -> row -> text
        for (Map.Entry<Integer, NavigableMap<Integer, SheetGrid.Cell>> cells : grid.rows().entrySet()) {
            for (Map.Entry<Integer, SheetGrid.Cell> cell : cells.getValue().entrySet()) {
                int start = cell.getKey();
                if (!merged(cell.getValue()) || cell.getValue().mergedColStart() != start) {
                    continue;
                }
                int end = start;
                while (merged(cells.getValue().get(end + 1)) && cells.getValue().get(end + 1).mergedColStart() == start) {
                    end++;
                }
                if (end > start) {
                    ranges.add(new CellRangeAddress(cells.getKey(), cells.getKey(), start, end));
                } else {
                    singles.computeIfAbsent(start, c -> new TreeMap<>()).put(cells.getKey(), cell.getValue().value());
                }
            }
        }
        singles.forEach((column, rows) -> {
            Integer first = null;
            for (Map.Entry<Integer, String> row : rows.entrySet()) {
                Map.Entry<Integer, String> next = rows.higherEntry(row.getKey());
                first = first == null ? row.getKey() : first;
                boolean continues = next != null && next.getKey() == row.getKey() + 1 && next.getValue().equals(row.getValue());
                if (!continues) {
                    if (row.getKey() > first) {
                        ranges.add(new CellRangeAddress(first, row.getKey(), column, column));
                    }
                    first = null;
                }
            }
        });
        return ranges;
    }

    /** A CSV file's one sheet takes the file's name: {@code overdue-buckets} for {@code overdue-buckets.drl.csv}. */
    static String sheetName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        name = name.substring(0, name.length() - TableFormat.CSV.suffix().length());
        return WorkbookUtil.createSafeSheetName(name.length() > 31 ? name.substring(0, 31) : name);
    }
}
