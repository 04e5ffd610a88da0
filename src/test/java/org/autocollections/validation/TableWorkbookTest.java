package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.autocollections.DatabaseFree;
import org.autocollections.api.Language;
import org.autocollections.api.NextActionType;
import org.autocollections.api.RecommendedChannel;
import org.autocollections.api.RiskRating;
import org.autocollections.ruleset.Wording;
import org.autocollections.tables.PolicyFile;
import org.autocollections.tables.SheetGrid;
import org.autocollections.tables.TableFormat;
import org.autocollections.tables.TableReader;
import org.junit.jupiter.api.Test;

/**
 * The workbook an analyst downloads: the table's cells exactly, its code locked, its closed sets offered in lists, its
 * numbers formatted, its header frozen and its notes and bilingual titles on a notes sheet. Uploaded back unchanged it
 * is the same draft as its source.
 */
@DatabaseFree
class TableWorkbookTest {

    private static final List<PolicyFile> SHIPPED = Drafts.shipped();

    private static PolicyFile table(String name) {
        return SHIPPED.stream().filter(f -> f.path().equals("decision-tables/" + name + ".drl.csv")).findFirst().orElseThrow();
    }

    private static PolicyFile download(String name) {
        return new PolicyFile("decision-tables/" + name + ".drl.xlsx", new TableWorkbook().write(table(name), SHIPPED));
    }

    private static XSSFWorkbook open(PolicyFile workbook) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(workbook.content()));
    }

    /** Every non-blank cell of a file's table sheets, by sheet index and Excel address, as the draft's changes compare. */
    private static Map<String, String> cells(PolicyFile file) throws Exception {
        Map<String, String> cells = new TreeMap<>();
        List<SheetGrid> grids = new TableReader().read(TableFormat.of(file.path()).orElseThrow(), file.content()).stream()
                .filter(SheetGrid::hasRuleTable).toList();
        for (int s = 0; s < grids.size(); s++) {
            for (var row : grids.get(s).rows().entrySet()) {
                for (var cell : row.getValue().entrySet()) {
                    if (!cell.getValue().value().isBlank()) {
                        cells.put(s + "!" + SheetGrid.columnName(cell.getKey()) + (row.getKey() + 1), cell.getValue().value().strip());
                    }
                }
            }
        }
        return cells;
    }

    @Test
    void everyShippedTableComesBackUnchangedAndValidatesWithoutAFinding() throws Exception {
        List<PolicyFile> workbooks = new ArrayList<>();
        for (PolicyFile source : Drafts.shippedTables()) {
            String name = TableFormat.withoutSuffix(source.path()).replaceFirst(".*/", "");
            PolicyFile workbook = download(name);
            assertThat(cells(workbook)).as(name).isEqualTo(cells(source));
            workbooks.add(workbook);
        }
        // all of them uploaded at once, as an analyst may: no finding, not even a changed title
        assertThat(Drafts.validate(SHIPPED, false, workbooks.toArray(PolicyFile[]::new)).findings()).isEmpty();
    }

    @Test
    void anEditOfOneDataCellChangesThatCellOnly() throws Exception {
        PolicyFile source = table("penalty-interest");
        PolicyFile workbook = download("penalty-interest");
        byte[] edited;
        try (XSSFWorkbook book = open(workbook); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Cell multiplier = book.getSheetAt(0).getRow(9).getCell(1);
            assertThat(new DataFormatter().formatCellValue(multiplier)).isEqualTo("1.5");
            multiplier.setCellValue(1.6); // typed over, keeping the cell's number format
            book.write(out);
            edited = out.toByteArray();
        }
        Map<String, String> before = cells(source);
        Map<String, String> after = cells(new PolicyFile(workbook.path(), edited));
        List<String> changed = new ArrayList<>();
        for (String cell : new java.util.TreeSet<>(List.of(before.keySet().toArray(String[]::new)))) {
            if (!Objects.equals(before.get(cell), after.get(cell))) {
                changed.add(cell + ": " + before.get(cell) + " -> " + after.get(cell));
            }
        }
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(changed).containsExactly("0!B10: 1.5 -> 1.6");
    }

    @Test
    void codeRowsAreLockedAndDataCellsOpenWithTheHeaderFrozen() throws Exception {
        try (XSSFWorkbook book = open(download("overdue-buckets"))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getProtect()).as("sheet protected").isTrue();
            assertThat(sheet.isInsertRowsLocked()).as("rows may be inserted").isFalse();
            for (int codeRow = 0; codeRow <= 8; codeRow++) { // RuleSet .. titles
                assertThat(sheet.getRow(codeRow).getCell(0).getCellStyle().getLocked()).as("row " + (codeRow + 1)).isTrue();
            }
            assertThat(sheet.getRow(7).getCell(2).getCellStyle().getLocked()).as("the action's snippet").isTrue();
            assertThat(sheet.getRow(9).getCell(0).getCellStyle().getLocked()).as("first data row").isFalse();
            assertThat(sheet.getRow(16).getCell(2).getCellStyle().getLocked()).as("last bucket").isFalse();
            assertThat(sheet.getColumnStyle(0).getLocked()).as("rows added below").isFalse();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("frozen below the titles").isEqualTo((short) 9);
            assertThat(sheet.getColumnWidth(0)).as("readable width").isBetween(10 * 256, 45 * 256);
            assertThat(sheet.getColumnWidth(1)).as("the notes do not widen column B").isLessThan(20 * 256);
        }
    }

    @Test
    void closedSetsAreOfferedAsListsDerivedFromTheServicesVocabulary() throws Exception {
        try (XSSFWorkbook book = open(download("risk-rating"))) {
            Map<String, List<String>> lists = lists(book, book.getSheetAt(0));
            // the buckets the overdue-buckets table makes, for the condition on a bucket's name
            assertThat(lists.get("A")).containsExactly("M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7+");
            assertThat(lists.values()).contains(names(RiskRating.values()));
        }
        try (XSSFWorkbook book = open(download("contact-method"))) {
            Map<String, List<String>> lists = lists(book, book.getSheetAt(0));
            assertThat(lists.get("D")).as("wrong number: yes or no").containsExactly("true", "false");
            assertThat(lists.get("J")).as("channel").containsExactlyElementsOf(names(RecommendedChannel.values()));
            assertThat(lists).as("free text and numbers have none").doesNotContainKeys("B", "C", "I", "K", "L");
        }
        try (XSSFWorkbook book = open(download("next-action"))) {
            assertThat(lists(book, book.getSheetAt(0)).get("C")).containsExactlyElementsOf(names(NextActionType.values()));
        }
    }

    @Test
    void numbersCarryFormatsForRatesAndDaysAndReadBackAsWritten() throws Exception {
        try (XSSFWorkbook book = open(download("risk-rating"))) {
            Sheet sheet = book.getSheetAt(0);
            Cell probability = find(sheet, "Probability of default", 1);
            assertThat(probability.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(probability.getNumericCellValue()).isBetween(0.0, 1.0);
        }
        try (XSSFWorkbook book = open(download("overdue-buckets"))) {
            Cell toDay = book.getSheetAt(0).getRow(10).getCell(1);
            assertThat(toDay.getNumericCellValue()).isEqualTo(30.0);
            assertThat(toDay.getCellStyle().getDataFormatString()).isEqualTo("0");
        }
    }

    @Test
    void theNotesSheetGivesTheNotesAndEachTitleInEnglishAndChinese() throws Exception {
        try (XSSFWorkbook book = open(download("overdue-buckets"))) {
            Sheet notes = book.getSheet(TableWorkbook.NOTES_SHEET);
            List<String> text = new ArrayList<>();
            notes.forEach(row -> row.forEach(cell -> text.add(cell.getStringCellValue())));
            assertThat(text).anyMatch(t -> t.startsWith("Delinquency buckets by days past due"));
            assertThat(text).anyMatch(t -> t.startsWith("按逾期天数（DPD）划分的逾期阶段"));
            assertThat(text).anyMatch(t -> t.startsWith("依逾期天數（DPD）劃分的逾期階段"));
            assertThat(text).containsSubsequence("From day", "起始天", "起始天");
            assertThat(book.getSheetAt(0).getRow(8).getCell(0).getCellComment().getString().getString()).contains("起始天");
        }
    }

    @Test
    void everyShippedColumnTitleIsWordedInEveryLanguage() throws Exception {
        Wording wording = Wording.ofFiles(SHIPPED);
        for (PolicyFile table : Drafts.shippedTables()) {
            for (SheetGrid grid : new TableReader().read(TableFormat.CSV, table.content())) {
                for (SheetLayout.Table t : SheetLayout.of(grid).tables()) {
                    for (SheetLayout.Column column : t.columns().values()) {
                        for (Language language : Language.values()) {
                            assertThat(wording.columnTitle(column.title(), language)).as(table.path() + " " + column.title())
                                    .hasValueSatisfying(title -> assertThat(title).isNotBlank());
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyShippedTableHasItsNotesInChinese() {
        Wording wording = Wording.ofFiles(SHIPPED);
        for (PolicyFile table : Drafts.shippedTables()) {
            String name = TableFormat.withoutSuffix(table.path()).replaceFirst(".*/", "");
            for (Language language : List.of(Language.ZH_CN, Language.ZH_TW)) {
                assertThat(wording.tableNotes(name, language)).as(name + " " + language.tag())
                        .hasValueSatisfying(notes -> assertThat(notes).isNotBlank());
            }
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static Cell find(Sheet sheet, String title, int below) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals(title)) {
                    return sheet.getRow(row.getRowNum() + below).getCell(cell.getColumnIndex());
                }
            }
        }
        throw new AssertionError("no column " + title);
    }

    /** The drop-down values of a sheet's columns, by column letter (the first list found for a column). */
    private static Map<String, List<String>> lists(XSSFWorkbook book, XSSFSheet sheet) {
        Map<String, List<String>> lists = new TreeMap<>();
        Sheet values = book.getSheet(TableWorkbook.LISTS_SHEET);
        assertThat(book.isSheetHidden(book.getSheetIndex(values))).isTrue();
        for (DataValidation validation : sheet.getDataValidations()) {
            String formula = validation.getValidationConstraint().getFormula1();
            CellRangeAddress range = CellRangeAddress.valueOf(formula.substring(formula.indexOf('!') + 1).replace("$", ""));
            List<String> items = new ArrayList<>();
            for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                items.add(values.getRow(r).getCell(range.getFirstColumn()).getStringCellValue());
            }
            for (CellRangeAddress target : validation.getRegions().getCellRangeAddresses()) {
                lists.putIfAbsent(SheetGrid.columnName(target.getFirstColumn()), items);
            }
        }
        return lists;
    }
}
