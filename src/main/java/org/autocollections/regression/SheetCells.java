package org.autocollections.regression;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.autocollections.api.Message;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * A scenario sheet's cells as text, row by row (row 0 is the header): a CSV file (UTF-8, Excel's byte-order mark
 * allowed) or the first sheet of an Excel workbook. Excel's numbers are written plainly (4300, not 4300.0), its
 * dates as ISO dates, its formulas as their last computed value.
 */
final class SheetCells {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private SheetCells() {
    }

    static List<List<String>> read(String file, byte[] content) {
        String lower = file.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".csv")) {
                return csv(content);
            }
            if (lower.endsWith(".xlsx")) {
                return workbook(content);
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidScenarioSheetException(SheetError.of(file, null, null, null,
                    Message.of(SheetError.KEYS + (lower.endsWith(".csv") ? "unreadable-csv" : "unreadable-workbook"),
                            e.getMessage())));
        }
        throw new InvalidScenarioSheetException(SheetError.of(file, null, null, null, Message.of(SheetError.KEYS + "not-a-sheet")));
    }

    private static List<List<String>> csv(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(text)) {
            while (lines.hasNext()) {
                rows.add(List.of(lines.next()));
            }
        }
        return rows;
    }

    private static List<List<String>> workbook(byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue())
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    private static String date(LocalDateTime value) {
        return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }

    /** A, B, ... Z, AA, AB ...: the column as a spreadsheet names it. */
    static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }
}
