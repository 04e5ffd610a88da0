package org.autocollections.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds decision-table workbooks in the test itself, so every fixture can be read in the test's source rather than
 * hidden in a binary file.
 */
public final class Workbooks {

    private final Map<String, List<String[]>> sheets = new LinkedHashMap<>();
    private final Map<String, List<int[]>> merges = new LinkedHashMap<>();

    public static Workbooks create() {
        return new Workbooks();
    }

    /** Adds a sheet; each array is a row starting at column A, {@code null} for an empty cell. */
    public Workbooks sheet(String name, List<String[]> rows) {
        sheets.put(name, rows);
        return this;
    }

    /** Merges cells of one row (0-based row and columns, inclusive), as an analyst merges a pattern's header. */
    public Workbooks merge(String sheet, int row, int firstColumn, int lastColumn) {
        merges.computeIfAbsent(sheet, s -> new java.util.ArrayList<>()).add(new int[] {row, firstColumn, lastColumn});
        return this;
    }

    public byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, List<String[]>> entry : sheets.entrySet()) {
                Sheet sheet = workbook.createSheet(entry.getKey());
                for (int r = 0; r < entry.getValue().size(); r++) {
                    Row row = sheet.createRow(r);
                    String[] cells = entry.getValue().get(r);
                    for (int c = 0; c < cells.length; c++) {
                        if (cells[c] != null) {
                            row.createCell(c).setCellValue(cells[c]);
                        }
                    }
                }
                for (int[] m : merges.getOrDefault(entry.getKey(), List.of())) {
                    for (int c = m[1]; c <= m[2]; c++) { // Excel keeps a blank cell under each merged one
                        Row row = sheet.getRow(m[0]) == null ? sheet.createRow(m[0]) : sheet.getRow(m[0]);
                        if (row.getCell(c) == null) {
                            row.createCell(c);
                        }
                    }
                    sheet.addMergedRegion(new CellRangeAddress(m[0], m[0], m[1], m[2]));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bucket table in the shipped layout: settings in rows 1-2, RuleTable in row 4, headers in rows 5-8, data from
     * row 9. The object-type cell (row 6) spans both condition columns.
     */
    public static List<String[]> bucketTable(String condition, String fromSnippet, String action, String... dataRows) {
        List<String[]> rows = new java.util.ArrayList<>(List.of(
                new String[] {"RuleSet", "test.buckets"},
                new String[] {"Import", "org.autocollections.policy.*"},
                new String[] {},
                new String[] {"RuleTable Buckets"},
                new String[] {condition, "CONDITION", "ACTION"},
                new String[] {"$c : CaseFacts", null, null},
                new String[] {fromSnippet, "daysPastDue <= $param", action},
                new String[] {"From day", "To day", "Bucket"}));
        for (String row : dataRows) {
            rows.add(row.split(",", -1));
        }
        return rows;
    }

    public static final String BUCKET_ACTION = "insertLogical(new OverdueBucket(\"$param\", $c.getDaysPastDue()));";
}
