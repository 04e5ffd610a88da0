package org.autocollections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.autocollections.DatabaseFree;
import org.autocollections.api.RulesetProblem;
import org.junit.jupiter.api.Test;

/**
 * Workbooks written the way Excel saves them: numbers as doubles behind a display format, a formula with the value
 * Excel cached, a date as a day count, text with the spaces an analyst typed. Each cell reads as the analyst meant it.
 */
@DatabaseFree
class ExcelCellsTest {

    private static final int DATA_ROW = 8;

    /** A parameter table (as penalty-interest is) whose Value cells the test writes; rows 1-8 are its code and titles. */
    private static byte[] parameters(CellWriter... values) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Parameters");
            String[][] head = {
                    { "RuleSet", "test.parameters" },
                    { "Import", "org.autocollections.policy.*" },
                    {},
                    { "RuleTable Parameters" },
                    { "ACTION", "ACTION" },
                    {},
                    { "insertLogical(new PolicyParameter(\"$param\",", "\"$param\"));" },
                    { "Parameter", "Value" } };
            for (int r = 0; r < head.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < head[r].length; c++) {
                    row.createCell(c).setCellValue(head[r][c]);
                }
            }
            for (int i = 0; i < values.length; i++) {
                Row row = sheet.createRow(DATA_ROW + i);
                row.createCell(0).setCellValue("p" + i);
                values[i].write(book, row.createCell(1));
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    interface CellWriter {
        void write(XSSFWorkbook book, Cell cell);
    }

    private static CellWriter number(double value, String format) {
        return (book, cell) -> {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(format));
            cell.setCellStyle(style);
            cell.setCellValue(value);
        };
    }

    private static SheetGrid read(byte[] workbook) throws Exception {
        return new TableReader().read(TableFormat.XLSX, workbook).get(0);
    }

    @Test
    void numbersReadAsTheValueTheAnalystSawNotTheWayTheFormatPrintsIt() throws Exception {
        SheetGrid grid = read(parameters(
                number(0.015, "0.00%"),      // a rate shown as 1.50 %
                number(1.5, "0.00"),         // shown as 1.50
                number(30, "General"),       // an integer shown as 30
                number(30, "0"),
                number(5000, "#,##0.00"),    // an amount shown as 5,000.00
                number(0.1 + 0.2, "General"))); // a double's noise beyond Excel's 15 digits

        assertThat(List.of(0, 1, 2, 3, 4, 5)).map(i -> grid.value(DATA_ROW + i, 1))
                .containsExactly("0.015", "1.50", "30", "30", "5000.00", "0.3");
    }

    @Test
    void aDateCellReadsAsAnIsoDateAndTextLosesItsTrailingSpaces() throws Exception {
        SheetGrid grid = read(parameters(
                (book, cell) -> {
                    CellStyle style = book.createCellStyle();
                    style.setDataFormat(book.createDataFormat().getFormat("m/d/yy"));
                    cell.setCellStyle(style);
                    cell.setCellValue(LocalDate.of(2026, 3, 31));
                },
                (book, cell) -> cell.setCellValue("PHONE   ")));

        assertThat(grid.value(DATA_ROW, 1)).isEqualTo("2026-03-31");
        assertThat(grid.value(DATA_ROW + 1, 1)).isEqualTo("PHONE");
        assertThat(grid.notes()).isEmpty();
    }

    @Test
    void aFormulaReadsAsTheValueExcelCachedAndIsReportedAtItsCell() throws Exception {
        byte[] workbook = parameters((book, cell) -> {
            cell.setCellFormula("0.01*2");
            // Excel saves the value it last showed; it need not be what POI would calculate now
            cell.setCellValue(0.03);
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            cell.setCellStyle(style);
        });

        assertThat(read(workbook).value(DATA_ROW, 1)).isEqualTo("0.03");

        TableTranslator.Result result = new TableTranslator().translate(new PolicyFile("decision-tables/p.drl.xlsx", workbook));
        assertThat(result.failed()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(RulesetProblem.Severity.WARNING);
            assertThat(p.location()).contains("cell B9");
            assertThat(p.message()).startsWith("a formula (=0.01*2)").contains("0.03");
        });
        assertThat(result.sheets().get(0).drl()).contains("\"0.03\"");
    }
}
