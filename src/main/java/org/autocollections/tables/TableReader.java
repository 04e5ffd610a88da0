package org.autocollections.tables;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * Reads every sheet of a workbook, or the one "sheet" of a CSV file, into grids. Drools' own compiler reads only
 * the first sheet of a workbook; we read them all so a table on a second sheet is not silently ignored.
 */
public final class TableReader {

    /** The sheet name under which a CSV table's cells are reported. */
    public static final String CSV_SHEET = "csv";

    public List<SheetGrid> read(TableFormat format, byte[] content) throws IOException {
        return format == TableFormat.CSV ? List.of(readCsv(content)) : readWorkbook(content);
    }

    private List<SheetGrid> readWorkbook(byte[] content) throws IOException {
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        List<SheetGrid> grids = new ArrayList<>();
        for (Sheet sheet : workbook) {
            SheetGrid grid = new SheetGrid(sheet.getSheetName());
            grids.add(grid);
            asAnalystMeantIt(sheet, grid);
            listeners.put(sheet.getSheetName(), List.of(new GridRecorder(grid)));
        }
        new ExcelParser(listeners).parseWorkbook(workbook);
        return grids;
    }

    /**
     * Replaces every cell by the text {@link ExcelCellText} reads in it, before Drools' parser sees the sheet, so the
     * compiler, the checks and the comparison with the base version all read what Excel showed the analyst. A formula
     * cell is read by its cached value and noted, since that value is only as fresh as Excel's last calculation.
     */
    private static void asAnalystMeantIt(Sheet sheet, SheetGrid grid) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                Optional<String> text = ExcelCellText.of(cell);
                if (text.isEmpty()) {
                    continue;
                }
                if (cell.getCellType() == CellType.FORMULA) {
                    grid.note(cell.getRowIndex(), cell.getColumnIndex(), SheetGrid.FORMULA_NOTE + " (=" + cell.getCellFormula()
                            + "): its value as Excel last calculated it, " + text.get() + ", is read; write the value "
                            + "itself so the table does not depend on a calculation");
                    cell.removeFormula();
                }
                cell.setCellValue(text.get());
            }
        }
    }

    /**
     * Drools' CSV parser decodes with the platform charset; analysts' files are UTF-8 (Excel adds a byte-order mark),
     * so we decode ourselves and keep Drools' line syntax, including "..." for cells merged into one pattern.
     */
    private SheetGrid readCsv(byte[] content) throws IOException {
        SheetGrid grid = new SheetGrid(CSV_SHEET);
        CsvLineParser lineParser = new CsvLineParser();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                if (row == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                List<String> cells = lineParser.parse(line);
                grid.newRow(row, cells.size());
                int mergeStart = DataListener.NON_MERGED;
                for (int col = 0; col < cells.size(); col++) {
                    String cell = cells.get(col);
                    boolean continues = cell.endsWith("...");
                    if (continues && mergeStart == DataListener.NON_MERGED) {
                        mergeStart = col;
                    } else if (!continues) {
                        mergeStart = DataListener.NON_MERGED;
                    }
                    String value = continues ? cell.substring(0, cell.length() - 3) : cell;
                    if (mergeStart != DataListener.NON_MERGED && mergeStart != col) {
                        value = grid.value(row, mergeStart); // as in a workbook, a merged range reads as its first cell
                    }
                    grid.put(row, col, value, mergeStart);
                }
                row++;
            }
        }
        return grid;
    }
}
